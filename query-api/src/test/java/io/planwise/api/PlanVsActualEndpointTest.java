package io.planwise.api;

import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static io.planwise.api.TestWarehouse.BETA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.ActualsMarts;
import io.planwise.warehouse.contract.MartQuery;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/scenarios/{id}/plan-vs-actual} over real HTTP: a real published projection (the test
 * warehouse) and actuals written as the streaming job commits them, Parquet files with exactly the
 * columns of {@code fct_workforce_actual_monthly} as the run contract declares them
 * ({@link ActualsMarts#MONTHLY}, written by {@link ContractParquet}) under
 * {@code <warehouse>/actuals/fct_workforce_actual_monthly/}. Every figure is checked against values the
 * test computes itself: projected ones from the run's own Parquet files (event counts per month and
 * level, the summary's starting and ending figures), actual ones from the movements it wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanVsActualEndpointTest {

    private static final int YEAR = 2025;
    /** The last month the actuals written below have a movement in. */
    private static final LocalDate LAST_ACTUAL_MONTH = LocalDate.of(YEAR, 6, 1);
    private static final String PATH = "/api/v1/scenarios/base/plan-vs-actual";
    private static final List<String> COLUMNS = List.of("trial", "month", "level_id", "projected_headcount",
            "actual_headcount", "headcount_variance", "projected_hires", "actual_hires", "projected_terminations",
            "actual_terminations", "projected_payroll", "actual_payroll", "payroll_variance");

    /** One row of fct_workforce_actual_monthly: its components are the mart's columns (see ContractParquet.row). */
    record Movement(LocalDate month, int levelId, long eventId, String employeeId, String eventType,
            int headcountChange, int hires, int terminations, int promotionsIn, int promotionsOut,
            int compensationChanges, BigDecimal payrollChange) {}

    private TestWarehouse warehouse;
    private RunManifest base;
    private RunningServer server;
    private ApiClient api;
    private Path actualsDir;
    private final List<Movement> movements = new ArrayList<>();
    private TreeSet<Integer> planLevels;
    private int extraLevel;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        warehouse = TestWarehouse.copy(dir.resolve("wh"));
        base = warehouse.manifests().current("base").orElseThrow();
        planLevels = new TreeSet<>(projectedFigures().keySet().stream().map(k -> k.level).toList());
        extraLevel = planLevels.last() + 1;

        movements.addAll(actualMovements(planLevels, extraLevel));
        actualsDir = Files.createDirectories(warehouse.root.resolve(ActualsMarts.DIRECTORY)
                .resolve(ActualsMarts.MONTHLY.name()));
        // Two committed files, as two checkpoints (or two subtasks) leave them ...
        writeActuals(actualsDir.resolve("part-0a1b-0.parquet"), movements.stream().filter(m -> m.eventId() % 2 == 0).toList());
        writeActuals(actualsDir.resolve("part-0a1b-1.parquet"), movements.stream().filter(m -> m.eventId() % 2 == 1).toList());
        // ... and what readers must never read: a part file still in flight, a checkpoint's leftovers.
        Files.writeString(actualsDir.resolve(".part-0a1b-2.parquet.inprogress.5c2e"), "not parquet yet");
        Files.writeString(actualsDir.resolve("_SUCCESS"), "");

        server = RunningServer.withKeys(warehouse.root, warehouse.keys);
        api = server.client;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // What the test computes itself

    record Key(LocalDate month, int level) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = month.compareTo(o.month);
            return c != 0 ? c : Integer.compare(level, o.level);
        }
    }

    /** Projected figures per month and level, straight from the run's Parquet files with plain SQL. */
    record Projected(long headcount, BigDecimal payroll, long hires, long terminations) {}

    private Map<Key, Projected> projectedFigures() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(warehouse.root);
        String events = files(base.filesOf(Marts.EVENTS, layout));
        String summary = files(base.filesOf(Marts.SUMMARY, layout));
        Map<Integer, long[]> start = new HashMap<>();
        Map<Integer, Object[]> end = new HashMap<>();
        Map<Key, long[]> moves = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT level_id, starting_headcount, ending_headcount, "
                    + "ending_total_compensation FROM " + summary + " WHERE simulation_year = " + YEAR)) {
                while (rs.next()) {
                    start.put(rs.getInt(1), new long[] {rs.getLong(2)});
                    end.put(rs.getInt(1), new Object[] {rs.getLong(3), rs.getBigDecimal(4)});
                }
            }
            // Month by level: hires, terminations, promotions into and out of the level.
            try (ResultSet rs = s.executeQuery("""
                    SELECT month(effective_date) AS m, level_id AS l, event_type, NULL AS out_of FROM %s
                    WHERE simulation_year = %d AND event_type IN ('hire', 'termination', 'promotion')
                    UNION ALL
                    SELECT month(effective_date), previous_level_id, 'promotion_out', 1 FROM %s
                    WHERE simulation_year = %d AND event_type = 'promotion'""".formatted(events, YEAR, events, YEAR))) {
                while (rs.next()) {
                    long[] m = moves.computeIfAbsent(new Key(LocalDate.of(YEAR, rs.getInt(1), 1), rs.getInt(2)),
                            k -> new long[4]);
                    switch (rs.getString(3)) {
                        case "hire" -> m[0]++;
                        case "termination" -> m[1]++;
                        case "promotion" -> m[2]++;
                        default -> m[3]++;
                    }
                }
            }
        }
        Map<Key, Projected> out = new TreeMap<>();
        for (int level : start.keySet()) {
            long headcount = start.get(level)[0];
            for (int month = 1; month <= 12; month++) {
                Key key = new Key(LocalDate.of(YEAR, month, 1), level);
                long[] m = moves.getOrDefault(key, new long[4]);
                headcount += m[0] - m[1] + m[2] - m[3];
                // Payroll is checked at December only, against the summary's ending payroll.
                BigDecimal payroll = month == 12 ? (BigDecimal) end.get(level)[1] : null;
                out.put(key, new Projected(headcount, payroll, m[0], m[1]));
            }
            assertThat(headcount).as("level %d: the summary's start plus the year's events is its end", level)
                    .isEqualTo((long) end.get(level)[0]);
        }
        return out;
    }

    /** The contract's reader expression over a mart's files. */
    private static String files(List<Path> paths) {
        return MartQuery.readParquet(paths, ProjectionMarts.PARTITION_COLUMN);
    }

    /**
     * Movements as the streaming job makes them from HR events: an opening workforce hired in the last
     * quarter of the year before, then six months of hires, terminations, promotions (out of one level,
     * into the next) and raises, and one hire at a level the plan does not have.
     */
    private static List<Movement> actualMovements(TreeSet<Integer> levels, int extraLevel) {
        Random random = new Random(20250601L);
        List<Movement> out = new ArrayList<>();
        long[] id = {0};
        Map<Integer, List<BigDecimal>> staff = new HashMap<>();
        class Events {
            void hire(LocalDate month, int level) {
                BigDecimal salary = BigDecimal.valueOf(40_000L + 15_000L * level + random.nextInt(2_000_000) / 100.0)
                        .setScale(2, RoundingMode.HALF_UP);
                staff.computeIfAbsent(level, l -> new ArrayList<>()).add(salary);
                out.add(new Movement(month, level, ++id[0], "EMP_" + id[0], "hire", 1, 1, 0, 0, 0, 0, salary));
            }

            void terminate(LocalDate month, int level) {
                List<BigDecimal> people = staff.get(level);
                if (people.isEmpty()) {
                    return;
                }
                BigDecimal salary = people.remove(random.nextInt(people.size()));
                out.add(new Movement(month, level, ++id[0], "EMP_T" + id[0], "termination", -1, 0, 1, 0, 0, 0,
                        salary.negate()));
            }

            void promote(LocalDate month, int from, int to) {
                List<BigDecimal> people = staff.get(from);
                if (people.isEmpty()) {
                    return;
                }
                BigDecimal old = people.remove(random.nextInt(people.size()));
                BigDecimal raised = old.multiply(new BigDecimal("1.15")).setScale(2, RoundingMode.HALF_UP);
                staff.computeIfAbsent(to, l -> new ArrayList<>()).add(raised);
                long event = ++id[0];
                out.add(new Movement(month, from, event, "EMP_P" + event, "promotion", -1, 0, 0, 0, 1, 0, old.negate()));
                out.add(new Movement(month, to, event, "EMP_P" + event, "promotion", 1, 0, 0, 1, 0, 0, raised));
            }

            void raise(LocalDate month, int level) {
                List<BigDecimal> people = staff.get(level);
                if (people.isEmpty()) {
                    return;
                }
                int i = random.nextInt(people.size());
                BigDecimal delta = people.get(i).multiply(new BigDecimal("0.03")).setScale(2, RoundingMode.HALF_UP);
                people.set(i, people.get(i).add(delta));
                out.add(new Movement(month, level, ++id[0], "EMP_R" + id[0], "compensation_change", 0, 0, 0, 0, 0, 1,
                        delta));
            }
        }
        Events e = new Events();
        for (int month = 10; month <= 12; month++) {
            for (int level : levels) {
                for (int n = 3 + random.nextInt(6); n > 0; n--) {
                    e.hire(LocalDate.of(YEAR - 1, month, 1), level);
                }
            }
        }
        for (LocalDate month = LocalDate.of(YEAR, 1, 1); !month.isAfter(LAST_ACTUAL_MONTH); month = month.plusMonths(1)) {
            for (int level : levels) {
                for (int n = random.nextInt(4); n > 0; n--) {
                    e.hire(month, level);
                }
                for (int n = random.nextInt(3); n > 0; n--) {
                    e.terminate(month, level);
                }
                if (level < levels.last() && random.nextBoolean()) {
                    e.promote(month, level, levels.higher(level));
                }
                e.raise(month, level);
            }
        }
        e.hire(LocalDate.of(YEAR, 3, 1), extraLevel);
        return out;
    }

    /**
     * Writes movements as a Parquet file with the mart's columns and types as the run contract declares
     * them ({@link ActualsMarts#MONTHLY}), ordered by event and level.
     */
    private static void writeActuals(Path file, List<Movement> rows) throws Exception {
        ContractParquet.write(ActualsMarts.MONTHLY, file, rows.stream()
                .sorted(Comparator.comparingLong(Movement::eventId).thenComparingInt(Movement::levelId))
                .map(ContractParquet::row).toList());
    }

    /** Actual figures per month of the year and level: running sums of the movements, month totals. */
    private static Map<Key, Object[]> actualFigures(List<Movement> movements) {
        Map<Key, Object[]> out = new TreeMap<>();
        for (LocalDate month = LocalDate.of(YEAR, 1, 1); !month.isAfter(LAST_ACTUAL_MONTH); month = month.plusMonths(1)) {
            LocalDate end = month;
            Map<Integer, Object[]> byLevel = new TreeMap<>();
            for (Movement m : movements) {
                if (m.month().isAfter(end)) {
                    continue;
                }
                Object[] f = byLevel.computeIfAbsent(m.levelId(), l -> new Object[] {0L, BigDecimal.ZERO.setScale(2), 0L, 0L});
                f[0] = (long) f[0] + m.headcountChange();
                f[1] = ((BigDecimal) f[1]).add(m.payrollChange());
                if (m.month().equals(end)) {
                    f[2] = (long) f[2] + m.hires();
                    f[3] = (long) f[3] + m.terminations();
                }
            }
            for (Map.Entry<Integer, Object[]> l : byLevel.entrySet()) {
                out.put(new Key(month, l.getKey()), l.getValue());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------

    private ApiClient.Reply get(String pathAndQuery, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-API-Key";
        all[1] = ALPHA_KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.get(pathAndQuery, all);
    }

    private JsonNode json(String pathAndQuery) {
        ApiClient.Reply r = get(pathAndQuery);
        assertThat(r.status()).as(pathAndQuery + " -> " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r.json();
    }

    private static Key key(JsonNode row) {
        return new Key(LocalDate.parse(row.get("month").asText()), row.get("level_id").asInt());
    }

    @Test
    void projectedFiguresAreThePlansAndActualFiguresAreTheRunningSumsOfTheMovements() throws Exception {
        JsonNode answer = json(PATH + "?year=" + YEAR);
        assertThat(answer.get("scenario_id").asText()).isEqualTo("base");
        assertThat(answer.get("run_id").asText()).isEqualTo(base.runId());
        assertThat(answer.get("year").asInt()).isEqualTo(YEAR);
        assertThat(answer.get("actuals_files").asInt()).isEqualTo(2);
        assertThat(answer.get("actuals_through").asText()).isEqualTo(LAST_ACTUAL_MONTH.toString());
        List<String> columns = new ArrayList<>();
        answer.get("columns").forEach(c -> columns.add(c.get("name").asText()));
        assertThat(columns).containsExactlyElementsOf(COLUMNS);

        JsonNode rows = answer.get("rows");
        assertThat(rows).hasSize(12 * (planLevels.size() + 1));
        assertThat(answer.get("row_count").asInt()).isEqualTo(rows.size());
        Map<Key, Projected> projected = projectedFigures();
        Map<Key, Object[]> actual = actualFigures(movements);
        Key previous = null;
        int checkedActual = 0;
        for (JsonNode r : rows) {
            Key k = key(r);
            assertThat(r.get("trial").asInt()).isZero();
            if (previous != null) {
                assertThat(k).as("ordered by month, level").isGreaterThan(previous);
            }
            previous = k;

            Projected p = projected.getOrDefault(k, new Projected(0, BigDecimal.ZERO, 0, 0));
            assertThat(r.get("projected_headcount").asLong()).as("projected headcount " + k).isEqualTo(p.headcount());
            assertThat(r.get("projected_hires").asLong()).as("projected hires " + k).isEqualTo(p.hires());
            assertThat(r.get("projected_terminations").asLong()).as("projected terminations " + k)
                    .isEqualTo(p.terminations());
            if (k.month().getMonthValue() == 12) {
                // December is the year's end in the plan's summary: headcount and payroll.
                assertThat(r.get("projected_payroll").decimalValue()).as("December payroll " + k)
                        .isEqualByComparingTo(p.payroll() == null ? BigDecimal.ZERO : p.payroll());
            }
            if (k.level() == extraLevel) {
                assertThat(r.get("projected_headcount").asLong()).isZero();
                assertThat(r.get("projected_payroll").decimalValue()).isEqualByComparingTo("0");
            }

            if (k.month().isAfter(LAST_ACTUAL_MONTH)) {
                for (String c : List.of("actual_headcount", "headcount_variance", "actual_hires", "actual_terminations",
                        "actual_payroll", "payroll_variance")) {
                    assertThat(r.get(c).isNull()).as(c + " after the last month with actuals " + k).isTrue();
                }
                continue;
            }
            Object[] a = actual.getOrDefault(k, new Object[] {0L, BigDecimal.ZERO, 0L, 0L});
            assertThat(r.get("actual_headcount").asLong()).as("actual headcount " + k).isEqualTo((long) a[0]);
            assertThat(r.get("actual_payroll").decimalValue()).as("actual payroll " + k)
                    .isEqualByComparingTo((BigDecimal) a[1]);
            assertThat(r.get("actual_hires").asLong()).as("actual hires " + k).isEqualTo((long) a[2]);
            assertThat(r.get("actual_terminations").asLong()).as("actual terminations " + k).isEqualTo((long) a[3]);
            assertThat(r.get("headcount_variance").asLong()).isEqualTo((long) a[0] - p.headcount());
            assertThat(r.get("payroll_variance").decimalValue()).isEqualByComparingTo(
                    ((BigDecimal) a[1]).subtract(r.get("projected_payroll").decimalValue()));
            checkedActual++;
        }
        assertThat(checkedActual).isEqualTo(6 * (planLevels.size() + 1));
        // The data is not trivial: people were hired, left and were promoted in the year.
        assertThat(actual.values().stream().mapToLong(a -> (long) a[2]).sum()).isPositive();
        assertThat(actual.values().stream().mapToLong(a -> (long) a[3]).sum()).isPositive();
    }

    @Test
    void aYearTheActualsHaveNotReachedHasProjectedFiguresOnly() {
        JsonNode answer = json(PATH + "?year=2027");
        assertThat(answer.get("actuals_through").isNull()).isTrue();
        assertThat(answer.get("rows")).hasSize(12 * (planLevels.size() + 1));
        answer.get("rows").forEach(r -> {
            assertThat(r.get("month").asText()).startsWith("2027-");
            assertThat(r.get("actual_headcount").isNull()).isTrue();
            assertThat(r.get("payroll_variance").isNull()).isTrue();
        });
    }

    @Test
    void levelAndTrialFiltersPickRowsOfTheWholeAnswer() {
        JsonNode all = json(PATH + "?year=" + YEAR).get("rows");
        int a = planLevels.first();
        int b = planLevels.last();
        JsonNode some = json(PATH + "?year=" + YEAR + "&level=" + a + "&level=" + b).get("rows");
        List<JsonNode> expected = new ArrayList<>();
        all.forEach(r -> {
            if (r.get("level_id").asInt() == a || r.get("level_id").asInt() == b) {
                expected.add(r);
            }
        });
        assertThat(some).hasSize(24);
        assertThat(some).containsExactlyElementsOf(expected);
        assertThat(json(PATH + "?year=" + YEAR + "&trial=0").get("rows")).isEqualTo(all);
        assertThat(json(PATH + "?year=" + YEAR + "&trial=1").get("rows")).isEmpty();
        ApiClient.Reply outside = api.get(PATH + "?year=" + YEAR + "&level=999", "X-API-Key", ALPHA_KEY);
        assertThat(outside.status()).as("a level outside the run").isEqualTo(400);
        assertThat(outside.json().get("parameter").asText()).isEqualTo("level");
    }

    @Test
    void csvHasTheSameRowsAndItsOwnTag() {
        JsonNode rows = json(PATH + "?year=" + YEAR).get("rows");
        ApiClient.Reply csv = get(PATH + "?year=" + YEAR + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).contains("base-plan-vs-actual-2025.csv");
        assertThat(csv.header("ETag")).endsWith("-csv\"");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", COLUMNS));
        assertThat(lines).hasSize(1 + rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = lines[i + 1].split(",", -1);
            assertThat(cells).hasSize(COLUMNS.size());
            for (int c = 0; c < cells.length; c++) {
                JsonNode v = rows.get(i).get(COLUMNS.get(c));
                if (v.isNull()) {
                    assertThat(cells[c]).isEmpty();
                } else if (v.isNumber()) {
                    assertThat(new BigDecimal(cells[c])).as(COLUMNS.get(c)).isEqualByComparingTo(v.decimalValue());
                } else {
                    assertThat(cells[c]).isEqualTo(v.asText());
                }
            }
        }
        ApiClient.Reply accept = get(PATH + "?year=" + YEAR, "Accept", "text/csv");
        assertThat(accept.body()).isEqualTo(csv.body());
    }

    @Test
    void theTagCombinesTheRunAndTheCommittedActualsAndChangesWithACommit() throws Exception {
        ApiClient.Reply first = get(PATH + "?year=" + YEAR);
        String tag = first.header("ETag");
        assertThat(tag).startsWith("\"" + base.runId() + "-actuals-").doesNotContain("-csv");
        assertThat(get(PATH + "?year=" + YEAR, "If-None-Match", tag).status()).isEqualTo(304);
        // Another year of the same run and actuals: same state, same tag (the tag names the data read).
        assertThat(get(PATH + "?year=2026").header("ETag")).isEqualTo(tag);

        // The job commits one more file: a hire in June at the first level.
        int level = planLevels.first();
        Path added = actualsDir.resolve("part-0a1b-9.parquet");
        writeActuals(added, List.of(new Movement(LAST_ACTUAL_MONTH, level, 1_000_000L, "EMP_LATE", "hire", 1, 1, 0, 0,
                0, 0, new BigDecimal("55000.00"))));
        try {
            ApiClient.Reply after = get(PATH + "?year=" + YEAR, "If-None-Match", tag);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.header("ETag")).isNotEqualTo(tag).startsWith("\"" + base.runId() + "-actuals-");
            assertThat(after.json().get("actuals_files").asInt()).isEqualTo(3);
            Key june = new Key(LAST_ACTUAL_MONTH, level);
            JsonNode before = row(first.json().get("rows"), june);
            JsonNode now = row(after.json().get("rows"), june);
            assertThat(now.get("actual_hires").asLong()).isEqualTo(before.get("actual_hires").asLong() + 1);
            assertThat(now.get("actual_headcount").asLong()).isEqualTo(before.get("actual_headcount").asLong() + 1);
            assertThat(now.get("actual_payroll").decimalValue()).isEqualByComparingTo(
                    before.get("actual_payroll").decimalValue().add(new BigDecimal("55000.00")));
            assertThat(now.get("projected_headcount")).isEqualTo(before.get("projected_headcount"));
        } finally {
            Files.delete(added);
        }
        assertThat(get(PATH + "?year=" + YEAR).header("ETag")).isEqualTo(tag);
    }

    @Test
    void actualsThatCannotBeReadAreA503NeverA500() throws Exception {
        Path broken = actualsDir.resolve("part-0a1b-8.parquet");
        Files.writeString(broken, "not a parquet file");
        try {
            ApiClient.Reply r = get(PATH + "?year=" + YEAR);
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.json().get("error").asText()).isEqualTo("The actuals cannot be read right now; try again.");
            assertThat(r.body()).doesNotContain(warehouse.root.toString()).doesNotContain("parquet");
        } finally {
            Files.delete(broken);
        }
        assertThat(get(PATH + "?year=" + YEAR).status()).isEqualTo(200);
    }

    private static JsonNode row(JsonNode rows, Key k) {
        for (JsonNode r : rows) {
            if (key(r).equals(k)) {
                return r;
            }
        }
        throw new AssertionError("No row " + k);
    }

    @Test
    void theSameAnswerFromParquetViewsWithoutTheAnswerCache() {
        try (RunningServer parquet = RunningServer.start(RunningServer.overParquet(warehouse.root, warehouse.keys))) {
            ApiClient.Reply viaParquet = parquet.client.get(PATH + "?year=" + YEAR, "X-API-Key", ALPHA_KEY);
            assertThat(viaParquet.status()).as(viaParquet.body()).isEqualTo(200);
            assertThat(viaParquet.json().get("rows")).isEqualTo(json(PATH + "?year=" + YEAR).get("rows"));
        }
    }

    @Test
    void beforeTheFirstCommitEveryActualFigureIsNull() {
        // The shared test warehouse has never had actuals: no actuals directory at all.
        TestWarehouse shared = TestWarehouse.shared();
        try (RunningServer none = RunningServer.withKeys(shared.root, shared.keys)) {
            ApiClient.Reply r = none.client.get(PATH + "?year=" + YEAR, "X-API-Key", ALPHA_KEY);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode answer = r.json();
            assertThat(answer.get("actuals_files").asInt()).isZero();
            assertThat(answer.get("actuals_through").isNull()).isTrue();
            assertThat(answer.get("rows")).hasSize(12 * planLevels.size());
            JsonNode withActuals = json(PATH + "?year=" + YEAR).get("rows");
            for (JsonNode row : answer.get("rows")) {
                assertThat(row.get("actual_headcount").isNull()).isTrue();
                assertThat(row.get("actual_hires").isNull()).isTrue();
                JsonNode same = row(withActuals, key(row));
                assertThat(row.get("projected_headcount")).isEqualTo(same.get("projected_headcount"));
                assertThat(row.get("projected_payroll").decimalValue())
                        .isEqualByComparingTo(same.get("projected_payroll").decimalValue());
            }
            String tag = r.header("ETag");
            assertThat(none.client.get(PATH + "?year=" + YEAR, "X-API-Key", ALPHA_KEY, "If-None-Match", tag).status())
                    .isEqualTo(304);
        }
    }

    @Test
    void theYearIsRequiredAndMustBeAYearOfTheScenario() {
        for (String query : List.of("", "?year=", "?year=abc", "?year=2025.0", "?year=2025&year=2026", "?year=%2B2025",
                "?year=2024", "?year=2028", "?year=0", "?year=-2025", "?year=99999999999", "?level=1")) {
            ApiClient.Reply r = get(PATH + query);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("parameter").asText()).as(query).isEqualTo("year");
        }
        assertThat(get(PATH + "?year=2028").json().get("error").asText()).contains("2025 to 2027");
        assertThat(get(PATH + "?year=%202026%20").status()).isEqualTo(200);
        for (String query : List.of("?year=2025&level=x", "?year=2025&level=1.5", "?year=2025&trial=a",
                "?year=2025&month=1", "?year=2025&format=xml", "?year=2025&by=level")) {
            ApiClient.Reply r = get(PATH + query);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("parameter").asText()).isNotBlank();
        }
    }

    @Test
    void anotherTenantsScenarioLooksExactlyLikeNone() {
        ApiClient.Reply other = get("/api/v1/scenarios/tenant_b/plan-vs-actual?year=" + YEAR);
        ApiClient.Reply none = get("/api/v1/scenarios/no_such_scenario/plan-vs-actual?year=" + YEAR);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(none.body());
        assertThat(other.header("ETag")).isNull();
        // Its own tenant reads it, against the same actuals.
        ApiClient.Reply own = api.get("/api/v1/scenarios/tenant_b/plan-vs-actual?year=" + YEAR, "X-API-Key", BETA_KEY);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("actuals_files").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/scenarios/base/plan-vs-actual?year=" + YEAR, "X-API-Key", BETA_KEY).status())
                .isEqualTo(404);
        assertThat(api.get(PATH + "?year=" + YEAR).status()).isEqualTo(401);
    }
}
