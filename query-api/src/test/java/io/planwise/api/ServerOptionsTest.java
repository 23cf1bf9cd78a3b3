package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The launcher's command line: keys or an explicit --no-auth, loopback by default. */
class ServerOptionsTest {

    @Test
    void defaults() {
        ServerOptions o = ServerOptions.parse("--warehouse", "wh", "--keys", "k.yaml");
        assertThat(o.warehouse()).isEqualTo(Path.of("wh"));
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.noAuth()).isFalse();
        assertThat(o.queryTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyOption() {
        ServerOptions o = ServerOptions.parse("--warehouse", "wh", "--no-auth", "--host", "0.0.0.0", "--port", "0",
                "--query-timeout-ms", "250", "--connections", "4", "--memory-limit", "512MB", "--poll-ms", "100",
                "--answer-cache-mb", "0", "--memory-table-rows", "5");
        assertThat(o.noAuth()).isTrue();
        assertThat(o.keysFile()).isNull();
        assertThat(o.host()).isEqualTo("0.0.0.0");
        assertThat(o.port()).isZero();
        assertThat(o.queryTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(o.connections()).isEqualTo(4);
        assertThat(o.memoryLimit()).isEqualTo("512MB");
        assertThat(o.pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.answerCacheMegabytes()).isZero();
        assertThat(o.memoryTableMaxRows()).isEqualTo(5);
    }

    @Test
    void runningWithoutKeysMustBeAskedFor() {
        assertThatThrownBy(() -> ServerOptions.parse("--warehouse", "wh")).hasMessageContaining("--no-auth");
        assertThatThrownBy(() -> ServerOptions.parse("--warehouse", "wh", "--keys", "k", "--no-auth"))
                .hasMessageContaining("exclude");
        assertThatThrownBy(() -> ServerOptions.parse("--no-auth")).hasMessageContaining("--warehouse");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> ServerOptions.parse("--warehouse", "wh", "--no-auth", "--port", "x"))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerOptions.parse("--warehouse", "wh", "--no-auth", "--memory-limit", "1; DROP"))
                .hasMessageContaining("--memory-limit");
        assertThatThrownBy(() -> ServerOptions.parse("--warehouse", "wh", "--no-auth", "--bogus"))
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> ServerOptions.parse("--warehouse")).hasMessageContaining("needs a value");
    }
}
