package io.planwise.projection;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.Collector;

/**
 * Gathers a whole (small) stream into one task and hands it to a function at the end of input: the
 * census counts to the gate, the bands to their checks, every run fact to the run's evaluation.
 *
 * <p>Why an operator with a list, not {@code windowAll} or {@code fullWindowPartition().mapPartition}:
 * in BATCH mode a window first sorts its input through managed memory, and each such task
 * allocates its whole share of the slot's managed memory when it starts (about 1 GB on a 3 GB task
 * manager: 0.3–0.9 s per stage on the standalone cluster, for a few hundred records). Flink 2.2
 * runs a mapPartition function on a separate executor thread, where an exception stops the whole
 * JVM (FatalExitExceptionHandler) instead of failing the job. Here the function runs on the task
 * thread at the end of input, so a failing gate (an unusable census, a broken invariant) fails the
 * job cleanly and the CLI can say why.
 */
final class WholeInput<IN, OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final MapPartitionFunction<IN, OUT> function;
    private transient List<IN> elements;

    private WholeInput(MapPartitionFunction<IN, OUT> function) {
        this.function = function;
    }

    static <IN, OUT> SingleOutputStreamOperator<OUT> gather(DataStream<IN> input, MapPartitionFunction<IN, OUT> function,
            TypeInformation<OUT> type, String name) {
        // global(): every record to the one task, and never chained to its producer, whose objects
        // could be reused after they were handed on (object reuse is on).
        return input.global().transform(name, type, new WholeInput<>(function)).setParallelism(1).setMaxParallelism(1);
    }

    @Override
    public void open() throws Exception {
        super.open();
        elements = new ArrayList<>();
    }

    @Override
    public void processElement(StreamRecord<IN> element) {
        elements.add(element.getValue());
    }

    @Override
    public void endInput() throws Exception {
        StreamRecord<OUT> reused = new StreamRecord<>(null);
        function.mapPartition(elements, new Collector<>() {
            @Override
            public void collect(OUT record) {
                output.collect(reused.replace(record));
            }

            @Override
            public void close() {}
        });
        elements = null;
    }
}
