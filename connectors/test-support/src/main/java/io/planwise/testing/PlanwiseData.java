package io.planwise.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * PlanWise Navigator's reference inputs ({@code ../shared/planwise_data}), which only our machines
 * and CI have: the compatibility group (classes named {@code *CompatibilityTest}, tagged
 * {@code planwise-data}) reads them through here. Absent on a user's clone, the group is skipped
 * with one line on stderr (per test JVM), never silently; under {@code CI=true} their absence fails
 * the build, because CI must run the group.
 */
public final class PlanwiseData {
    /** The system property the build sets to the folder (see the parent pom). */
    public static final String PROPERTY = "planwise.data";

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private PlanwiseData() {}

    /** The folder, or {@code sub} inside it; skips (or, under CI, fails) the calling test when absent. */
    public static Path require(String... sub) {
        return require(System.getProperty(PROPERTY, "../shared/planwise_data"), System.getenv(), sub);
    }

    static Path require(String folder, java.util.Map<String, String> environment, String... sub) {
        Path path = Path.of(folder, sub).toAbsolutePath().normalize();
        if (Files.exists(path)) {
            return path;
        }
        String what = "PlanWise reference data not found at " + path;
        if ("true".equalsIgnoreCase(environment.get("CI"))) {
            Assertions.fail(what + ", and CI=true: the compatibility tests must run in CI");
        }
        if (TOLD.compareAndSet(false, true)) {
            System.err.println("planwise: compatibility tests skipped: " + what
                    + " (they run where ../shared/planwise_data exists; CI=true makes its absence a failure)");
        }
        Assumptions.abort(what);
        throw new AssertionError("unreachable");
    }
}
