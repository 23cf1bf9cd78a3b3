package io.planwise.connector.mart;

import java.io.Serializable;

/**
 * The job's verdict on a run, computed from its checks: publish it, or refuse with a reason.
 * runRecordJson is the JSON object the job wants in {@code _run.json} (config, inputs, counts,
 * checks); the publish step adds the status, the manifest summary and the publish time.
 */
public record PublishDecision(boolean publish, String reason, String runRecordJson) implements Serializable {}
