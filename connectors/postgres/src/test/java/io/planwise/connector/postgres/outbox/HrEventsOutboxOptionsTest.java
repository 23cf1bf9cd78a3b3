package io.planwise.connector.postgres.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.rows.RowDecoder;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The outbox options refuse what cannot work with a sentence, before the builder touches the database. */
class HrEventsOutboxOptionsTest {
    /** Nothing listens on port 1: a builder that got as far as connecting would fail with "cannot reach". */
    private static final PostgresEndpoint NOWHERE = PostgresEndpoint.of("jdbc:postgresql://127.0.0.1:1/none", "u", null, Map.of());
    private static final RowDecoder<String> DECODER = (source, columns) -> (row, values, count, raw) -> raw;

    @Test
    void theDefaultsAreTheOutboxTablePolledEverySecondAThousandRowsAtATime() {
        HrEventsOutboxOptions defaults = HrEventsOutboxOptions.defaults();
        assertThat(defaults.table()).isEqualTo("hr_events");
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.batchSize()).isEqualTo(1000);
        assertThat(new HrEventsOutboxOptions("hr.events_2025", Duration.ofMillis(50), 1).table()).isEqualTo("hr.events_2025");
    }

    @Test
    void eachInvalidValueIsRefusedWithASentence() {
        assertThatThrownBy(() -> new HrEventsOutboxOptions(null, Duration.ofSeconds(1), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an HR events outbox source needs the name of its outbox table (the default is hr_events)");
        assertThatThrownBy(() -> new HrEventsOutboxOptions("hr_events; DROP TABLE census", Duration.ofSeconds(1), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'hr_events; DROP TABLE census' is not a plain table name (letters, digits, _ and one optional schema prefix)");
        assertThatThrownBy(() -> new HrEventsOutboxOptions("hr_events", Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the poll interval must be positive (it is how long the reader waits after a query that found no new "
                        + "rows), got 0 ms");
        assertThatThrownBy(() -> new HrEventsOutboxOptions("hr_events", Duration.ofMillis(-5), 10))
                .hasMessageEndingWith("got -5 ms");
        assertThatThrownBy(() -> new HrEventsOutboxOptions("hr_events", null, 10)).hasMessageEndingWith("got none");
        assertThatThrownBy(() -> new HrEventsOutboxOptions("hr_events", Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the batch size must be at least 1 (it is the most rows one query returns), got 0");
    }

    @Test
    void theBuilderChecksTheOptionsBeforeItConnects() {
        assertThatThrownBy(() -> HrEventsOutboxSource.<String>builder().setEndpoint(NOWHERE).setDecoder(DECODER)
                .setTypeInformation(Types.STRING).setBatchSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the batch size must be at least 1");
        assertThatThrownBy(() -> HrEventsOutboxSource.<String>builder().setEndpoint(NOWHERE).setDecoder(DECODER)
                .setTypeInformation(Types.STRING).setPollInterval(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the poll interval must be positive");
        assertThatThrownBy(() -> HrEventsOutboxSource.<String>builder().setEndpoint(NOWHERE).setDecoder(DECODER)
                .setTypeInformation(Types.STRING).setTable("no table").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a plain table name");
        // valid options get as far as the database
        assertThatThrownBy(() -> HrEventsOutboxSource.<String>builder().setEndpoint(NOWHERE).setDecoder(DECODER)
                .setTypeInformation(Types.STRING).setOptions(new HrEventsOutboxOptions("events", Duration.ofMillis(10), 5)).build())
                .hasMessageContaining("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/none");
    }

    @Test
    void optionsTravelWithTheJob() throws Exception {
        HrEventsOutboxOptions options = new HrEventsOutboxOptions("hr.events", Duration.ofMillis(250), 64);
        assertThat(InstantiationUtil.clone(options)).isEqualTo(options);
    }
}
