package io.planwise.projection;

import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.util.Collector;

/**
 * Gathers a whole (small) stream into one task and hands it to a function at the end of input.
 *
 * <p>Why not {@code fullWindowPartition().mapPartition(...)}: Flink 2.2 runs a mapPartition
 * function on a separate executor thread, and an exception escaping that thread stops the whole
 * JVM (FatalExitExceptionHandler) instead of failing the job. A global window with an
 * end-of-stream trigger runs on the task thread, so a failing gate (an unusable census, a broken
 * invariant) fails the job cleanly and the CLI can say why.
 */
final class WholeInput<IN, OUT> extends ProcessAllWindowFunction<IN, OUT, GlobalWindow> {
    private final MapPartitionFunction<IN, OUT> function;

    private WholeInput(MapPartitionFunction<IN, OUT> function) {
        this.function = function;
    }

    static <IN, OUT> SingleOutputStreamOperator<OUT> gather(DataStream<IN> input, MapPartitionFunction<IN, OUT> function,
            TypeInformation<OUT> type, String name) {
        return input.windowAll(GlobalWindows.createWithEndOfStreamTrigger())
                .process(new WholeInput<>(function), type).name(name).setParallelism(1);
    }

    @Override
    public void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
        function.mapPartition(elements, out);
    }
}
