package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.warehouse.RunManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cached answers: keyed by run, bounded in bytes, big answers never kept. */
class AnswerCacheTest {

    private static Replies.Answer answer(int bytes) {
        return new Replies.Answer(new byte[bytes], "application/json", null);
    }

    @Test
    void anAnswerIsComputedOncePerKeyAndTheLeastRecentlyUsedGoFirst() {
        AnswerCache cache = new AnswerCache(300);
        AtomicInteger computed = new AtomicInteger();
        cache.get("a", () -> { computed.incrementAndGet(); return answer(100); });
        cache.get("a", () -> { computed.incrementAndGet(); return answer(100); });
        assertThat(computed).hasValue(1);
        cache.get("b", () -> answer(100));
        cache.get("a", () -> answer(100));   // a is now the most recently used
        cache.get("c", () -> answer(150));   // over 300 bytes: b goes
        cache.get("a", () -> { computed.incrementAndGet(); return answer(100); });
        assertThat(computed).hasValue(1);
        cache.get("b", () -> { computed.incrementAndGet(); return answer(100); });
        assertThat(computed).hasValue(2);
    }

    @Test
    void bigAnswersAreNotKept() {
        AnswerCache cache = new AnswerCache(10L << 20);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            cache.get("big", () -> { computed.incrementAndGet(); return answer(AnswerCache.MAX_ANSWER_BYTES + 1); });
        }
        assertThat(computed).hasValue(2);
    }

    @Test
    void theKeyNamesEveryRunTheFormatAndEveryParameterValue() {
        RunManifest a = new RunManifest("base", "20250101T000000000Z-00000001", Instant.EPOCH, Map.of());
        RunManifest b = new RunManifest("base", "20250101T000000000Z-00000002", Instant.EPOCH, Map.of());
        RequestParameters none = RequestParameters.of(Map.of());
        String key = AnswerCache.key("summary", List.of(a), ResponseFormat.JSON, none);
        assertThat(key).isNotEqualTo(AnswerCache.key("summary", List.of(b), ResponseFormat.JSON, none))
                .isNotEqualTo(AnswerCache.key("summary", List.of(a), ResponseFormat.CSV, none))
                .isNotEqualTo(AnswerCache.key("needs", List.of(a), ResponseFormat.JSON, none))
                .isNotEqualTo(AnswerCache.key("summary", List.of(a, b), ResponseFormat.JSON, none));
        RequestParameters y2025 = RequestParameters.of(Map.of("year", List.of("2025")));
        RequestParameters both = RequestParameters.of(Map.of("year", List.of("2025", "2026")));
        RequestParameters sneaky = RequestParameters.of(Map.of("year", List.of("2025&year=2026")));
        assertThat(AnswerCache.key("summary", List.of(a), ResponseFormat.JSON, y2025))
                .isNotEqualTo(AnswerCache.key("summary", List.of(a), ResponseFormat.JSON, both))
                .isNotEqualTo(key);
        assertThat(AnswerCache.key("summary", List.of(a), ResponseFormat.JSON, both))
                .isNotEqualTo(AnswerCache.key("summary", List.of(a), ResponseFormat.JSON, sneaky));
    }
}
