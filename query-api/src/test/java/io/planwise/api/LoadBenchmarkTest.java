package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark command runs end to end (a one-second run) and only ever targets this machine. */
class LoadBenchmarkTest {

    @Test
    void aShortRunPrintsFiguresPerEndpointWithoutErrors() throws Exception {
        TestWarehouse warehouse = TestWarehouse.shared();
        try (RunningServer server = RunningServer.withKeys(warehouse.root, warehouse.keys)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            LoadBenchmark.Options options = LoadBenchmark.Options.parse("--url", server.client.base(), "--key",
                    TestWarehouse.ALPHA_KEY, "--scenario", "base", "--compare-with", "alt", "--clients", "4",
                    "--duration", "1", "--warmup", "0");
            Map<String, LatencyRecorder.Summary> results = new LoadBenchmark(options,
                    new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(server.client.base());
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(results.keySet()).containsExactlyElementsOf(LoadBenchmark.ALL_ENDPOINTS);
            results.forEach((endpoint, s) -> {
                assertThat(s.errors()).as(endpoint).isZero();
                assertThat(s.requests()).as(endpoint).isPositive();
                assertThat(s.p99Nanos()).isGreaterThanOrEqualTo(s.p50Nanos());
                assertThat(printed).contains(endpoint);
            });
            assertThat(printed).contains("p50 ms", "p99 ms", "req/s", "errors");
            // Histories of many employees in turn, census employees and new hires, all answered 200 (errors above).
            assertThat(printed).containsPattern("employees/E\\S* and [1-9][0-9]* more, in turn");
        }
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertThatThrownBy(() -> LoadBenchmark.Options.parse("--url", "http://8.8.8.8:80", "--scenario", "s"))
                .hasMessageContaining("this machine");
        assertThatThrownBy(() -> LoadBenchmark.Options.parse("--url", "https://127.0.0.1:80", "--scenario", "s"))
                .hasMessageContaining("http://");
        assertThat(LoadBenchmark.Options.parse("--url", "http://localhost:1", "--scenario", "s").clients())
                .isEqualTo(16);
    }
}
