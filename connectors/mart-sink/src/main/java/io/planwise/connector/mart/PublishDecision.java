package io.planwise.connector.mart;

import io.planwise.warehouse.contract.RunRecord;
import java.io.Serializable;

/**
 * The job's verdict on a run, computed from its checks: publish it, or refuse with a reason. The
 * record is the run's {@code _run.json} as the job knows it (config, inputs, counts, checks); the
 * publish step completes it with the outcome.
 */
public record PublishDecision(boolean publish, String reason, RunRecord record) implements Serializable {}
