package io.planwise.projection;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** The mart rows the run's evaluation produced. */
final class EvaluationRows implements FlatMapFunction<RunEvaluation, MartRecord> {
    @Override
    public void flatMap(RunEvaluation evaluation, Collector<MartRecord> out) {
        evaluation.rows().forEach(out::collect);
    }
}
