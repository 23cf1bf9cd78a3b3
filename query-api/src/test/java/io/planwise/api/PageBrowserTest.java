package io.planwise.api;

import static io.planwise.api.TestWarehouse.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.contract.ActualsMarts;
import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The planner's page in a real browser (Debian's chromium through its chromedriver) against real
 * servers over a real published warehouse ({@link TestWarehouse}: base, alt with messy census rows,
 * tenant_b, a 12-trial ensemble) plus monthly actuals written as the streaming job commits them.
 * Every chart is checked against the API's own numbers fetched over HTTP by the test, the key flow
 * against a server with keys and one with --no-auth, and after every test the browser console must
 * hold no error but the network errors the test provoked on purpose. A screenshot per view goes to
 * target/page-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int WIDE = 1400;
    private static final int NARROW = 1000;
    private static final int ACTUALS_YEAR = TestWarehouse.FIRST_YEAR;
    /** The last month the actuals written below reach. */
    private static final int LAST_ACTUAL_MONTH = 4;

    private static final Path SCREENSHOTS = Path.of("target", "page-screenshots").toAbsolutePath();
    private static final Path DOWNLOADS = Path.of("target", "page-downloads").toAbsolutePath();

    /** One row of fct_workforce_actual_monthly: its components are the mart's columns (see ContractParquet.row). */
    record Movement(LocalDate month, int levelId, long eventId, String employeeId, String eventType,
            int headcountChange, int hires, int terminations, int promotionsIn, int promotionsOut,
            int compensationChanges, BigDecimal payrollChange) {}

    private RunningServer keyed;
    private RunningServer open;
    private ChromeDriver driver;
    private WebDriverWait wait;
    /** Actual headcount of all levels at the end of each month of ACTUALS_YEAR, as the test wrote it. */
    private final Map<Integer, Long> actualHeadcount = new TreeMap<>();
    /** Console errors the current test provokes on purpose (a 401, a 404), as parts of their message. */
    private final List<String> expectedErrors = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install the Debian packages chromium and chromium-driver (apt-get install chromium chromium-driver).");
        }
        TestWarehouse warehouse = TestWarehouse.copy(tmp.resolve("wh"));
        writeActuals(warehouse.root);
        keyed = RunningServer.withKeys(warehouse.root, warehouse.keys);
        open = RunningServer.withoutKeys(warehouse.root);
        Files.createDirectories(SCREENSHOTS);
        deleteTree(DOWNLOADS);
        Files.createDirectories(DOWNLOADS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Path.of("target", "page-browser-profile").toAbsolutePath();
        deleteTree(profile);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDE + ",1000", "--lang=en-US", "--user-data-dir=" + profile);
        // Numbers on the page follow the browser's locale; the expected texts below are en-US.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US",
                "download.default_directory", DOWNLOADS.toString(), "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (keyed != null) {
            keyed.close();
        }
        if (open != null) {
            open.close();
        }
    }

    /** Nothing on the console at SEVERE but what the test asked for (its 401 or 404). */
    @AfterEach
    void consoleHasNoErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()
                    && expectedErrors.stream().noneMatch(e.getMessage()::contains)) {
                severe.add(e.getMessage());
            }
        }
        expectedErrors.clear();
        assertThat(severe).as("SEVERE entries in the browser console").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The key

    @Test
    @Order(1)
    void theKeyBoxAppearsOnlyWhenTheServerAnswers401AndAnAcceptedKeyLoadsTheScenarios() {
        expectedErrors.add("status of 401");
        driver.get(keyed.client.base() + "/");
        WebElement form = driver.findElement(By.id("key-form"));
        wait.until(d -> form.isDisplayed());
        assertThat(driver.findElements(By.cssSelector("#scenario option"))).isEmpty();

        // A wrong key: refused, the box stays with a word about it.
        driver.findElement(By.id("key")).sendKeys("not-a-key-0123456789");
        driver.findElement(By.cssSelector("#key-form button")).click();
        wait.until(d -> form.isDisplayed()
                && !d.findElement(By.id("key-message")).getText().isEmpty());
        assertThat(driver.findElement(By.id("key-message")).getText()).contains("not accepted");

        driver.findElement(By.id("key")).sendKeys(ADMIN_KEY);
        driver.findElement(By.cssSelector("#key-form button")).click();
        List<String> expected = new ArrayList<>();
        keyedJson("/api/v1/scenarios").get("rows").forEach(r -> expected.add(r.get("scenario_id").asText()));
        assertThat(expected).contains("base", "alt", "ensemble", "tenant_b");
        wait.until(d -> optionValues("scenario").equals(expected));
        assertThat(form.isDisplayed()).isFalse();
        assertThat((String) js("return sessionStorage.getItem('planwise-key')")).isEqualTo(ADMIN_KEY);
        // A reload keeps the key for this tab: no 401, no box.
        driver.navigate().refresh();
        wait.until(d -> optionValues("scenario").equals(expected));
        assertThat(driver.findElement(By.id("key-form")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void withoutAuthenticationTheKeyBoxNeverShows() {
        driver.get(open.client.base() + "/");
        List<String> expected = new ArrayList<>();
        open.client.get("/api/v1/scenarios").json().get("rows").forEach(r -> expected.add(r.get("scenario_id").asText()));
        wait.until(d -> optionValues("scenario").equals(expected));
        waitReady("rollforward", expected.get(0));
        WebElement form = driver.findElement(By.id("key-form"));
        assertThat(form.isDisplayed()).isFalse();
        // The stylesheet's display: flex for the form must not override [hidden].
        assertThat(form.getCssValue("display")).isEqualTo("none");
        assertThat((Object) js("return sessionStorage.getItem('planwise-key')")).isNull();
    }

    // ---------------------------------------------------------------------------------------------
    // The views

    @Test
    @Order(3)
    void rollForwardDrawsTheSummarysFlowsAndDownloadsTheTable() throws Exception {
        openView("rollforward", "base");
        JsonNode rows = keyedJson("/api/v1/scenarios/base/summary?by=year").get("rows");
        Map<String, Object> chart = chart("rollforward");
        assertThat(numbers(chart.get("x"))).containsExactlyElementsOf(column(rows, "simulation_year"));
        Map<String, Object> raw = map(chart.get("series"));
        for (String c : List.of("starting_headcount", "hires", "experienced_terminations", "new_hire_terminations",
                "rif_terminations", "ending_headcount")) {
            assertThat(numbers(raw.get(c))).as(c).containsExactlyElementsOf(column(rows, c));
        }
        // The bars drawn: the right bar's bottom is the ending headcount, its top the end plus every termination.
        Map<String, Object> stacked = map(chart.get("stacked"));
        JsonNode first = rows.get(0);
        assertThat(numbers(stacked.get("ending headcount")).get(0)).isEqualTo(first.get("ending_headcount").asDouble());
        assertThat(numbers(stacked.get("RIF terminations")).get(0)).isEqualTo(first.get("ending_headcount").asDouble()
                + first.get("terminations").asDouble());
        assertThat(numbers(stacked.get("hires")).get(0)).isEqualTo(first.get("starting_headcount").asDouble()
                + first.get("hires").asDouble());
        assertThat(cellText("table-rollforward", 0, "ending_headcount")).isEqualTo(count(first.get("ending_headcount")));
        assertFits();
        screenshot("rollforward");

        // Per level: the table's rows are the API's rows.
        driver.findElement(By.cssSelector("input[name=by][value=level]")).click();
        int levelRows = keyedJson("/api/v1/scenarios/base/summary?by=level").get("rows").size();
        wait.until(d -> d.findElements(By.cssSelector("#table-rollforward tbody tr")).size() == levelRows);
        driver.findElement(By.cssSelector("input[name=by][value=year]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#table-rollforward tbody tr")).size() == rows.size());

        // Downloads carry the key in the header and arrive under the API's file names.
        driver.findElement(By.cssSelector("#downloads-rollforward .download-csv")).click();
        Path csv = awaitDownload(fileName("/api/v1/scenarios/base/summary?by=year&format=csv"));
        assertThat(Files.readAllLines(csv).get(0)).startsWith("simulation_year,");
        assertThat(Files.readAllLines(csv)).hasSize(rows.size() + 1);
        driver.findElement(By.cssSelector("#downloads-rollforward .download-xlsx")).click();
        Path xlsx = awaitDownload(fileName("/api/v1/scenarios/base/summary?by=year&format=xlsx"));
        byte[] zip = Files.readAllBytes(xlsx);
        assertThat(new String(zip, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    @Order(4)
    void payrollAndCostAreTheSummarysMoney() {
        openView("payroll", "base");
        JsonNode rows = keyedJson("/api/v1/scenarios/base/summary?by=year").get("rows");
        Map<String, Object> series = map(chart("payroll").get("series"));
        for (String c : List.of("ending_total_compensation", "prorated_compensation_cost")) {
            List<Double> drawn = numbers(series.get(c));
            assertThat(drawn).as(c).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(drawn.get(i)).as(c + " " + i).isCloseTo(rows.get(i).get(c).asDouble(), within(0.005));
            }
        }
        assertThat(cellText("table-payroll", 0, "ending_total_compensation"))
                .isEqualTo(dollars(rows.get(0).get("ending_total_compensation").decimalValue()));
        assertFits();
        screenshot("payroll");
    }

    @Test
    @Order(5)
    void theEnsembleFanIsTheBandsWithTrialZeroAndTheSentenceCountsTheTrials() {
        openView("fan", "ensemble");
        String metric = "prorated_compensation_cost";
        new Select(driver.findElement(By.id("fan-metric"))).selectByValue(metric);
        waitReady("fan", "ensemble");
        wait.until(d -> "ready".equals(d.findElement(By.id("exceedance-sentence")).getAttribute("data-state")));
        JsonNode bands = keyedJson("/api/v1/scenarios/ensemble/bands?metric=" + metric + "&level=all").get("rows");
        JsonNode trial0 = keyedJson("/api/v1/scenarios/ensemble/summary?by=year&trial=0").get("rows");
        Map<String, Object> chart = chart("fan");
        Map<String, Object> series = map(chart.get("series"));
        assertThat(numbers(chart.get("x"))).containsExactlyElementsOf(column(bands, "simulation_year"));
        for (int i = 0; i < bands.size(); i++) {
            for (String p : List.of("p5", "p25", "p50", "p75", "p95")) {
                assertThat(numbers(series.get(p)).get(i)).as(p + " of row " + i)
                        .isCloseTo(bands.get(i).get(p).asDouble(), within(0.005));
            }
            assertThat(numbers(series.get("trial 0")).get(i)).as("trial 0 of row " + i)
                    .isCloseTo(trial0.get(i).get(metric).asDouble(), within(0.005));
        }
        assertThat(bands.get(0).get("n_trials").asInt()).isEqualTo(12);

        // The planner types a threshold: the page's sentence has the API's count.
        JsonNode last = bands.get(bands.size() - 1);
        int year = last.get("simulation_year").asInt();
        String threshold = BigDecimal.valueOf(last.get("p25").asDouble()).setScale(0, RoundingMode.HALF_UP).toPlainString();
        new Select(driver.findElement(By.id("exceedance-year"))).selectByValue(String.valueOf(year));
        new Select(driver.findElement(By.id("exceedance-direction"))).selectByValue("above");
        WebElement input = driver.findElement(By.id("exceedance-threshold"));
        input.clear();
        input.sendKeys(threshold);
        driver.findElement(By.cssSelector("#exceedance-form button")).click();
        wait.until(d -> "ready".equals(d.findElement(By.id("exceedance-sentence")).getAttribute("data-state"))
                && d.findElement(By.id("exceedance-sentence")).getText().contains(dollarsWhole(new BigDecimal(threshold))));
        JsonNode counted = keyedJson("/api/v1/scenarios/ensemble/bands/exceedance?metric=" + metric + "&year=" + year
                + "&above=" + threshold);
        String sentence = driver.findElement(By.id("exceedance-sentence")).getText();
        Matcher m = Pattern.compile("^In (\\d{4}), ([0-9.]+)% of trials \\((\\d+) of (\\d+)\\) ").matcher(sentence);
        assertThat(m.find()).as(sentence).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(year);
        assertThat(Long.parseLong(m.group(3))).isEqualTo(counted.get("trials_beyond").asLong());
        assertThat(Long.parseLong(m.group(4))).isEqualTo(counted.get("n_trials").asLong());
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(100 * counted.get("share").asDouble(), within(0.051));
        // Above the P25 of 12 trials: some trials but not all.
        assertThat(counted.get("trials_beyond").asLong()).isBetween(1L, 11L);
        assertFits();
        screenshot("fan");

        // A one-trial run has no bands, and the page says so instead of drawing an empty fan.
        new Select(driver.findElement(By.id("scenario"))).selectByValue("base");
        waitReady("fan", "base");
        assertThat(driver.findElement(By.id("fan-note")).getText()).contains("Not enough trials");
        assertThat(numbers(map(chart("fan").get("series")).get("trial 0"))).doesNotContainNull().isNotEmpty();
    }

    @Test
    @Order(6)
    void compareOverlaysTheChosenScenariosAndTabulatesTheirDifferences() {
        openView("compare", "base");
        // Base and one more by default; the planner adds the ensemble.
        WebElement ensemble = driver.findElement(By.cssSelector("#compare-choices input[value=ensemble]"));
        if (!ensemble.isSelected()) {
            ensemble.click();
        }
        List<String> ids = new ArrayList<>();
        wait.until(d -> {
            ids.clear();
            ((List<?>) chart("compare-headcount").get("scenarios")).forEach(id -> ids.add((String) id));
            return "ready".equals(section("compare").getAttribute("data-state")) && ids.size() == 3;
        });
        assertThat(driver.findElement(By.id("compare-note")).getText()).startsWith("Baseline: base.");
        assertThat(ids.get(0)).isEqualTo("base");
        assertThat(ids).contains("ensemble");
        JsonNode rows = keyedJson("/api/v1/compare?scenarios=" + String.join(",", ids)).get("rows");
        List<Double> years = numbers(chart("compare-headcount").get("x"));
        for (String id : ids) {
            List<Double> headcount = numbers(map(chart("compare-headcount").get("series")).get(id));
            List<Double> cost = numbers(map(chart("compare-cost").get("series")).get(id));
            for (int i = 0; i < years.size(); i++) {
                JsonNode r = row(rows, years.get(i).intValue(), id);
                assertThat(headcount.get(i)).as(id + " " + years.get(i)).isEqualTo(r.get("ending_workforce").asDouble());
                assertThat(cost.get(i)).isCloseTo(r.get("ending_total_compensation").asDouble(), within(0.005));
            }
        }
        // The difference table: the second scenario's first year, as the API computed it.
        List<WebElement> tableRows = driver.findElements(By.cssSelector("#table-compare tbody tr"));
        assertThat(tableRows).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(cellText("table-compare", i, "ending_workforce_diff")).isEqualTo(count(rows.get(i).get("ending_workforce_diff")));
        }
        assertThat(rows.get(1).get("ending_workforce_diff").asLong()).isNotZero();
        assertFits();
        screenshot("compare");
    }

    @Test
    @Order(7)
    void planVsActualShowsTheCommittedActualsAndSaysWhenThereAreNone() {
        openView("plan-actual", "base");
        Select year = new Select(driver.findElement(By.id("plan-actual-year")));
        if (!year.getFirstSelectedOption().getAttribute("value").equals(String.valueOf(ACTUALS_YEAR))) {
            year.selectByValue(String.valueOf(ACTUALS_YEAR));
            waitReady("plan-actual", "base");
        }
        JsonNode rows = keyedJson("/api/v1/scenarios/base/plan-vs-actual?year=" + ACTUALS_YEAR + "&trial=0").get("rows");
        Map<Integer, Long> projected = new TreeMap<>();
        for (JsonNode r : rows) {
            projected.merge(Integer.parseInt(r.get("month").asText().substring(5, 7)), r.get("projected_headcount").asLong(),
                    Long::sum);
        }
        Map<String, Object> chart = chart("plan-actual");
        List<Double> months = numbers(chart.get("x"));
        List<Double> plan = numbers(map(chart.get("series")).get("projected_headcount"));
        List<Double> actual = numbers(map(chart.get("series")).get("actual_headcount"));
        assertThat(months).hasSize(12);
        for (int i = 0; i < 12; i++) {
            int month = months.get(i).intValue();
            assertThat(plan.get(i)).as("projected, month " + month).isEqualTo(projected.get(month).doubleValue());
            if (month <= LAST_ACTUAL_MONTH) {
                assertThat(actual.get(i)).as("actual, month " + month).isEqualTo(actualHeadcount.get(month).doubleValue());
            } else {
                assertThat(actual.get(i)).as("actual after the last committed month").isNull();
            }
        }
        assertThat(driver.findElement(By.id("plan-actual-note")).getText()).startsWith("Actuals through Apr " + ACTUALS_YEAR);
        assertFits();
        screenshot("plan-actual");

        year.selectByValue(String.valueOf(TestWarehouse.LAST_YEAR));
        waitReady("plan-actual", "base");
        assertThat(driver.findElement(By.id("plan-actual-note")).getText())
                .startsWith("No actuals yet for " + TestWarehouse.LAST_YEAR);
        assertThat(numbers(map(chart("plan-actual").get("series")).get("actual_headcount"))).containsOnlyNulls();
    }

    @Test
    @Order(8)
    void censusIssuesAndChecksShowTheirRowsAsTextAndFilterByReason() {
        openView("quality", "alt");
        JsonNode all = keyedJson("/api/v1/scenarios/alt/census-issues");
        JsonNode counts = all.get("counts");
        assertThat(driver.findElements(By.cssSelector("#table-issue-counts tbody tr"))).hasSize(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            assertThat(cellText("table-issue-counts", i, "reason")).isEqualTo(counts.get(i).get("reason").asText());
            assertThat(cellText("table-issue-counts", i, "rows")).isEqualTo(count(counts.get(i).get("rows")));
        }
        assertThat(driver.findElements(By.cssSelector("#table-issues tbody tr"))).hasSize(all.get("total").asInt());

        // Census text that looks like markup is shown as text: no element comes of it.
        String hostile = "<img src=x onerror=alert(1)>";
        assertThat(TestWarehouse.MESSY_ROWS.stream().anyMatch(r -> r.containsValue(hostile))).isTrue();
        List<WebElement> cells = driver.findElements(By.cssSelector("#table-issues td"));
        assertThat(cells.stream().map(WebElement::getText).filter(t -> t.contains(hostile))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("main img, main [onerror]"))).isEmpty();
        assertThat(cells.stream().map(WebElement::getText)).contains("=1+2");

        // Filter by one reason: the API's rows for it.
        String reason = counts.get(0).get("reason").asText();
        new Select(driver.findElement(By.id("issues-reason"))).selectByValue(reason);
        JsonNode filtered = keyedJson("/api/v1/scenarios/alt/census-issues?reason=" + reason);
        wait.until(d -> "ready".equals(d.findElement(By.id("table-issues")).getAttribute("data-state"))
                && d.findElements(By.cssSelector("#table-issues tbody tr")).size() == filtered.get("total").asInt());
        assertThat(driver.findElements(By.cssSelector("#table-issues td[data-column=reason]")).stream()
                .map(WebElement::getText)).containsOnly(reason);

        // Checks: every row, failed ones first, and the count in words.
        JsonNode checks = keyedJson("/api/v1/scenarios/alt/checks?limit=10000");
        int total = checks.get("total").asInt();
        assertThat(driver.findElements(By.cssSelector("#table-checks tbody tr"))).hasSize(total);
        long failed = 0;
        for (JsonNode c : checks.get("counts")) {
            failed += c.get("passed").asBoolean() ? 0 : c.get("rows").asLong();
        }
        String checksNote = driver.findElement(By.id("checks-note")).getText();
        assertThat(checksNote).contains(failed == 0 ? "All " + total : failed + " of " + total);
        List<String> passed = driver.findElements(By.cssSelector("#table-checks td[data-column=passed]")).stream()
                .map(WebElement::getText).toList();
        assertThat(passed.indexOf("yes") < 0 || passed.lastIndexOf("no") < passed.indexOf("yes")).as("failed first").isTrue();
        assertFits();
        screenshot("quality");
    }

    @Test
    @Order(9)
    void employeeLookupShowsTheHistoryAndSaysWhenThereIsNoSuchEmployee() {
        openView("employee", "base");
        String id = keyedJson("/api/v1/scenarios/base/snapshot?limit=1").get("rows").get(0).get("employee_id").asText();
        JsonNode history = keyedJson("/api/v1/scenarios/base/employees/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        lookUp(id);
        wait.until(d -> d.findElement(By.id("employee-result")).isDisplayed());
        assertThat(driver.findElements(By.cssSelector("#table-employee-snapshots tbody tr")))
                .hasSize(history.get("snapshots").size());
        assertThat(driver.findElements(By.cssSelector("#table-employee-events tbody tr")))
                .hasSize(Math.max(1, history.get("events").size()));
        assertThat(cellText("table-employee-snapshots", 0, "simulation_year"))
                .isEqualTo(history.get("snapshots").get(0).get("simulation_year").asText());
        assertFits();
        screenshot("employee");

        expectedErrors.add("status of 404");
        lookUp("NO_SUCH_EMPLOYEE");
        wait.until(d -> d.findElement(By.id("employee-note")).getText().startsWith("No employee"));
        assertThat(driver.findElement(By.id("employee-note")).getText()).contains("NO_SUCH_EMPLOYEE").contains("base");
        assertThat(driver.findElement(By.id("employee-result")).isDisplayed()).isFalse();
    }

    @Test
    @Order(10)
    void atAThousandPixelsEveryViewStillFitsItsWindow() {
        driver.manage().window().setSize(new Dimension(NARROW, 1000));
        try {
            for (String[] v : new String[][] {{"rollforward", "base"}, {"fan", "ensemble"}, {"compare", "base"},
                    {"plan-actual", "base"}, {"quality", "alt"}}) {
                openView(v[0], v[1]);
                // The charts follow their container's width.
                String tooWide = "return [...document.querySelectorAll('#view-" + v[0] + " .chart')]"
                        + ".filter(c => c.querySelector('canvas') && c.querySelector('canvas').offsetWidth > c.clientWidth)"
                        + ".map(c => c.id + ': ' + c.querySelector('canvas').offsetWidth + ' > ' + c.clientWidth)";
                try {
                    wait.until(d -> ((List<?>) js(tooWide)).isEmpty());
                } catch (org.openqa.selenium.TimeoutException e) {
                    assertThat((List<?>) js(tooWide)).as("charts wider than their container at " + NARROW + " px").isEmpty();
                }
                assertFits();
                screenshot(v[0] + "-1000px");
            }
        } finally {
            driver.manage().window().setSize(new Dimension(WIDE, 1000));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Driving the page

    /** The page of the keyed server with the admin key (given once per tab), showing one view of one scenario. */
    private void openView(String view, String scenario) {
        if (!driver.getCurrentUrl().startsWith(keyed.client.base())) {
            driver.get(keyed.client.base() + "/");
        }
        wait.until(d -> optionValues("scenario").contains(scenario));
        Select select = new Select(driver.findElement(By.id("scenario")));
        if (!select.getFirstSelectedOption().getAttribute("value").equals(scenario)) {
            select.selectByValue(scenario);
        }
        driver.findElement(By.id("tab-" + view)).click();
        waitReady(view, scenario);
    }

    private void waitReady(String view, String scenario) {
        wait.until(d -> {
            WebElement s = section(view);
            String state = s.getAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError("The view " + view + " failed: " + d.findElement(By.id("message")).getText());
            }
            return s.isDisplayed() && "ready".equals(state) && scenario.equals(s.getAttribute("data-scenario"));
        });
    }

    private WebElement section(String view) {
        return driver.findElement(By.id("view-" + view));
    }

    private void lookUp(String id) {
        WebElement input = driver.findElement(By.id("employee-id"));
        input.clear();
        input.sendKeys(id);
        driver.findElement(By.cssSelector("#employee-form button")).click();
    }

    private List<String> optionValues(String selectId) {
        return driver.findElements(By.cssSelector("#" + selectId + " option")).stream()
                .map(o -> o.getAttribute("value")).toList();
    }

    /** The text of a visible table cell by row index (tbody) and column name. */
    private String cellText(String tableId, int row, String column) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
        assertThat(rows.size()).as(tableId + " rows").isGreaterThan(row);
        return rows.get(row).findElement(By.cssSelector("td[data-column=" + column + "]")).getText();
    }

    /**
     * The page does not scroll sideways, and every table either fits its container or sits in one that
     * scrolls: no table is cut off.
     */
    private void assertFits() {
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long windowWidth = ((Number) js("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as("page width").isLessThanOrEqualTo(windowWidth);
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) js("""
                return [...document.querySelectorAll('main table')].filter(t => t.offsetParent !== null).filter(t => {
                  const box = t.parentElement;
                  const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
                  return t.offsetWidth > box.clientWidth + 1 && !scrolls;
                }).map(t => t.id);""");
        assertThat(cut).as("tables wider than their container that do not scroll").isEmpty();
    }

    /** The file name the API gives a download, from its Content-Disposition. */
    private String fileName(String path) {
        String disposition = keyed.client.get(path, "X-API-Key", ADMIN_KEY).header("Content-Disposition");
        Matcher m = Pattern.compile("filename=\"([^\"]+)\"").matcher(String.valueOf(disposition));
        assertThat(m.find()).as(path + " Content-Disposition " + disposition).isTrue();
        return m.group(1);
    }

    private Path awaitDownload(String name) {
        Path file = DOWNLOADS.resolve(name);
        wait.until(d -> Files.isRegularFile(file) && sizeOf(file) > 0);
        return file;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            return 0;
        }
    }

    private void screenshot(String view) {
        try {
            Files.write(SCREENSHOTS.resolve(view + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            throw new AssertionError("Cannot save the screenshot of " + view, e);
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** What a chart was drawn from, as the page recorded it. */
    private Map<String, Object> chart(String id) {
        Object chart = js("return window.planwise.charts['" + id + "'] || null");
        assertThat(chart).as("chart " + id).isNotNull();
        return map(chart);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** A drawn array as doubles (nulls kept). */
    private static List<Double> numbers(Object o) {
        List<Double> out = new ArrayList<>();
        for (Object v : (List<?>) o) {
            out.add(v == null ? null : ((Number) v).doubleValue());
        }
        return out;
    }

    private JsonNode keyedJson(String path) {
        ApiClient.Reply r = keyed.client.get(path, "X-API-Key", ADMIN_KEY);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<Double> column(JsonNode rows, String name) {
        List<Double> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get(name).asDouble()));
        return out;
    }

    private static JsonNode row(JsonNode rows, int year, String scenario) {
        for (JsonNode r : rows) {
            if (r.get("simulation_year").asInt() == year && r.get("scenario_id").asText().equals(scenario)) {
                return r;
            }
        }
        throw new AssertionError("No compare row for " + scenario + " " + year);
    }

    private static String count(JsonNode value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(value.asLong());
    }

    private static String dollars(BigDecimal value) {
        return "$" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    private static String dollarsWhole(BigDecimal value) {
        return "$" + new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    // ---------------------------------------------------------------------------------------------
    // Actuals, as the streaming job commits them

    /**
     * base's levels get an opening workforce hired in December of the year before, then each month up
     * to LAST_ACTUAL_MONTH a few hires and one termination per level; the actual headcount per month is
     * counted here from these movements, independently of the API.
     */
    private void writeActuals(Path warehouse) throws Exception {
        // Levels 1 to 5: plan vs actual takes every level of the plan and every level the actuals touch.
        TreeSet<Integer> levels = new TreeSet<>(List.of(1, 2, 3, 4, 5));
        List<Movement> movements = new ArrayList<>();
        long[] id = {0};
        Map<Integer, Integer> staff = new HashMap<>();
        for (int level : levels) {
            for (int n = 0; n < 10 + level; n++) {
                movements.add(hire(LocalDate.of(ACTUALS_YEAR - 1, 12, 1), level, ++id[0]));
                staff.merge(level, 1, Integer::sum);
            }
        }
        long headcount = staff.values().stream().mapToLong(Integer::longValue).sum();
        for (int month = 1; month <= LAST_ACTUAL_MONTH; month++) {
            LocalDate first = LocalDate.of(ACTUALS_YEAR, month, 1);
            for (int level : levels) {
                for (int n = 0; n < (month + level) % 3 + 1; n++) {
                    movements.add(hire(first, level, ++id[0]));
                    headcount++;
                }
                movements.add(new Movement(first, level, ++id[0], "EMP_T" + id[0], "termination", -1, 0, 1, 0, 0, 0,
                        new BigDecimal("-50000.00")));
                headcount--;
            }
            actualHeadcount.put(month, headcount);
        }
        Path dir = Files.createDirectories(warehouse.resolve(ActualsMarts.DIRECTORY).resolve(ActualsMarts.MONTHLY.name()));
        List<Map<String, Object>> rows = new ArrayList<>();
        movements.forEach(m -> rows.add(new LinkedHashMap<>(ContractParquet.row(m))));
        ContractParquet.write(ActualsMarts.MONTHLY, dir.resolve("part-page-0.parquet"), rows);
    }

    private static Movement hire(LocalDate month, int level, long id) {
        return new Movement(month, level, id, "EMP_" + id, "hire", 1, 1, 0, 0, 0, 0, new BigDecimal("50000.00"));
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
