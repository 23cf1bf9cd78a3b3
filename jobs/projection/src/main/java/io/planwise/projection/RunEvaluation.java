package io.planwise.projection;

import io.planwise.connector.mart.PublishDecision;
import java.util.List;

/** What the run's final evaluation produced: the needs, summary and check rows, and the verdict. */
public record RunEvaluation(List<MartRecord> rows, PublishDecision decision) {}
