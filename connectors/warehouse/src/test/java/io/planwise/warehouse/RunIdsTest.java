package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunIdsTest {

    private static final Instant T0 = Instant.parse("2025-01-14T09:30:12.345Z");

    @Test
    void hasTheDocumentedFormatInUtc() {
        // A non-UTC zone on the clock must not leak into the id.
        String id = RunIds.next(Clock.fixed(T0, ZoneId.of("America/New_York")));

        assertThat(id).matches("20250114T093012345Z-[0-9a-f]{8}");
        assertThat(WarehouseLayout.isValidId(id)).isTrue();
        assertThat(RunIds.timestampOf(id)).contains(T0);
    }

    @Test
    void sortsByCreationTime() {
        List<Instant> times = List.of(
                T0, T0.plusMillis(1), T0.plusSeconds(9), T0.plusSeconds(10), T0.plus(Duration.ofDays(40)),
                Instant.parse("2031-12-31T23:59:59.999Z"));
        List<String> ids = new ArrayList<>();
        for (Instant t : times) {
            ids.add(RunIds.next(Clock.fixed(t, ZoneOffset.UTC)));
        }

        List<String> shuffledThenSorted = new ArrayList<>(ids);
        java.util.Collections.reverse(shuffledThenSorted);
        shuffledThenSorted.sort(null);

        assertThat(shuffledThenSorted).containsExactlyElementsOf(ids);
        assertThat(ids).extracting(id -> RunIds.timestampOf(id).orElseThrow()).containsExactlyElementsOf(times);
    }

    @Test
    void isUniqueAndStillOrderedWithinOneMillisecond() {
        Clock fixed = Clock.fixed(T0, ZoneOffset.UTC);
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            String id = RunIds.next(fixed);
            assertThat(seen.add(id)).as("duplicate id %s", id).isTrue();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void timestampOfRejectsOtherNames() {
        assertThat(RunIds.timestampOf("manual-run")).isEmpty();
        assertThat(RunIds.timestampOf("20251399T093012345Z-3fa94c1e")).isEmpty();
        assertThat(RunIds.timestampOf("20250114T093012345Z-3FA94C1E")).isEmpty();
        assertThat(RunIds.timestampOf(null)).isEmpty();
    }
}
