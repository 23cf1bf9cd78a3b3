package io.planwise.model.config;

import static io.planwise.model.config.KeyDeclaration.key;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every scenario key the v1 model reads (MODEL.md section 1.3), declared once: its dotted path in
 * PlanWise's {@code simulation_config.yaml}, type, default, range and meaning. This table drives the
 * YAML reader (which keys are looked up, which mappings are sections), the type and range checks,
 * the unknown-key check, {@link ScenarioConfig#describe()} (the run record, in declaration order),
 * the SQL engine's one-row {@code params} table and the README's configuration reference.
 *
 * <p><b>Adding a key.</b>
 * <ol>
 *   <li>Write a failing test in {@code ScenarioConfigTest} that reads the key; {@code ScenarioKeyTest}
 *       also fails until its {@code SAMPLES} has a valid non-default value for the new key.</li>
 *   <li>Add one constant here, at the place the run record should list it: {@code key(path, type)},
 *       then {@code byDefault(text)} or {@code unset(meaning)}, {@code range(min, max)} for numbers,
 *       {@code rule(text)} for a rule that involves other keys (and code it in
 *       {@code ScenarioConfig.checkRules}), {@code params(column, forms)} when the SQL models need it,
 *       and {@code means(text)}, one line for planners.</li>
 *   <li>Add the typed accessor the model needs to {@link ScenarioConfig}, e.g.
 *       {@code decimal(ScenarioKey.X).doubleValue()}.</li>
 *   <li>Paste the block {@code ConfigReferenceTest} prints into README.md.</li>
 * </ol>
 * The run record of both engines then carries the key, and the SQL engine's {@code params} table gets
 * its columns, without further edits.
 */
public enum ScenarioKey {
    SCENARIO_ID(key("scenario_id", KeyType.ID)
            .byDefault("default")
            .params("scenario_id", ParamsForm.TEXT)
            .means("Names the scenario: its runs, and its rows in comp_levers and the new-hire distributions; "
                    + "`--scenario` overrides.")),
    START_YEAR(key("simulation.start_year", KeyType.INTEGER)
            .byDefault("2025")
            // Four-digit years keep every derived date an ordinary ISO date in both engines.
            .range("1900", "9999")
            .params("start_year", ParamsForm.INTEGER)
            .means("First simulated year; `--start-year` overrides.")),
    END_YEAR(key("simulation.end_year", KeyType.INTEGER)
            .byDefault("2029")
            .range("1900", "9999")
            .rule("not before start_year; at most " + ScenarioConfig.MAX_SIMULATED_YEARS + " simulated years")
            .params("end_year", ParamsForm.INTEGER)
            .means("Last simulated year (inclusive); `--end-year` overrides.")),
    RANDOM_SEED(key("simulation.random_seed", KeyType.LONG)
            .byDefault("42")
            .range("0", Long.toString(Long.MAX_VALUE))
            .params("random_seed", ParamsForm.UNSIGNED)
            .means("Seed of every random draw: the same seed and inputs give the same events; `--seed` overrides.")),
    TRIALS(key("simulation.trials", KeyType.INTEGER)
            .byDefault("1")
            // MODEL.md 1.3: a thousand trials is an ordinary request, a hundred thousand a cluster job.
            .range("1", "100000")
            .params("trials", ParamsForm.INTEGER)
            .means("Monte Carlo trials, numbered 0 … trials − 1; each draws with its own seed key; `--trials` overrides.")),
    DETAIL_TRIALS(key("simulation.detail_trials", KeyType.INTEGER)
            .byDefault("1")
            .range("1", "100000")
            .rule("at most simulation.trials")
            .params("detail_trials", ParamsForm.INTEGER)
            .means("Trials 0 … detail_trials − 1 write their events and snapshot rows; every trial writes needs and "
                    + "summary; `--detail-trials` overrides.")),
    MIN_TRIALS_FOR_BANDS(key("simulation.min_trials_for_bands", KeyType.INTEGER)
            // A sample standard deviation needs two trials.
            .byDefault("10")
            .range("2", "100000")
            .params("min_trials_for_bands", ParamsForm.INTEGER)
            .means("With fewer trials, fct_ensemble_bands leaves its percentiles and sd NULL (is_sufficient false).")),
    TARGET_GROWTH_RATE(key("simulation.target_growth_rate", KeyType.DECIMAL)
            .byDefault("0.03")
            .range("-0.5", "1.0")
            .params("target_growth_rate", ParamsForm.EXACT)
            .means("g: each year ends with round(start headcount × (1 + g)) employees, sized exactly.")),
    TOTAL_TERMINATION_RATE(key("workforce.total_termination_rate", KeyType.DECIMAL)
            .byDefault("0.12")
            .range("0", "1")
            .params("total_termination_rate", ParamsForm.DOUBLE)
            .means("t: expected share of experienced employees who leave each year, spread by the termination hazards.")),
    NEW_HIRE_TERMINATION_RATE(key("workforce.new_hire_termination_rate", KeyType.DECIMAL)
            .byDefault("0.25")
            .range("0", "0.95")
            .params("new_hire_termination_rate", ParamsForm.EXACT)
            .means("nh: share of the year's hires who leave in the same year; hiring is grossed up for it.")),
    COLA_RATE(key("compensation.cola_rate", KeyType.DECIMAL)
            .unset("comp_levers RAISE/cola_rate, else 0")
            .range("-0.5", "0.5")
            .params("cola_rate", ParamsForm.DOUBLE)
            .means("Cost-of-living raise every survivor gets on Jul 15, on top of merit.")),
    MERIT_BUDGET(key("compensation.merit_budget", KeyType.DECIMAL)
            .unset("comp_levers RAISE/merit_base as is")
            .range("0", "0.5")
            .params("merit_budget", ParamsForm.DOUBLE)
            .means("Average merit raise: each year's comp_levers merit_base is scaled so its mean over the levels is this.")),
    PROMOTION_RATE_MULTIPLIER(key("compensation.promotion_rate_multiplier", KeyType.DECIMAL)
            .byDefault("1")
            .range("0", null)
            .params("promotion_rate_multiplier", ParamsForm.DOUBLE)
            .means("Scales every promotion probability from the promotion hazards.")),
    PROMOTION_BASE_INCREASE_PCT(key("compensation.promotion_compensation.base_increase_pct", KeyType.DECIMAL)
            .byDefault("0.2")
            .range("0", "1")
            .params("promotion_base_increase_pct", ParamsForm.DOUBLE)
            .means("Average raise on promotion, as a fraction of salary.")),
    PROMOTION_DISTRIBUTION_RANGE(key("compensation.promotion_compensation.distribution_range", KeyType.DECIMAL)
            .byDefault("0.05")
            .range("0", "1")
            .params("promotion_distribution_range", ParamsForm.DOUBLE)
            .means("Promotion raises are drawn uniformly within base_increase_pct ± this.")),
    PROMOTION_MAX_CAP_PCT(key("compensation.promotion_compensation.max_cap_pct", KeyType.DECIMAL)
            .byDefault("0.3")
            .range("0", null)
            .params("promotion_max_cap_pct", ParamsForm.DOUBLE)
            .means("Largest promotion raise, as a fraction of salary.")),
    PROMOTION_MAX_CAP_AMOUNT(key("compensation.promotion_compensation.max_cap_amount", KeyType.DECIMAL)
            .byDefault("500000")
            // Dollars; a trillion keeps the cents far inside a long.
            .range("0", "1000000000000")
            .rule("whole cents")
            .params("promotion_max_cap_cents", ParamsForm.CENTS)
            .means("Largest promotion raise, in dollars.")),
    PLAN_YEAR_END_DATE(key("setup.plan_year_end_date", KeyType.DATE)
            .unset("Dec 31 of start_year − 1", c -> LocalDate.of(c.startYear() - 1, 12, 31))
            .rule("before Jan 1 of start_year")
            .params("census_as_of_date", ParamsForm.DATE)
            .means("Census as-of date: the starting workforce is who is employed on this day.")),
    MAX_REJECT_FRACTION(key("setup.max_reject_fraction", KeyType.DECIMAL)
            .byDefault("0.05")
            .range("0", "1")
            .params("max_reject_fraction", ParamsForm.EXACT, ParamsForm.DOUBLE)
            .means("Largest share of census rows that may be rejected; more stops the run."));

    private static final Map<String, ScenarioKey> BY_PATH =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(ScenarioKey::path, k -> k));
    /** Every mapping that holds a key, e.g. {@code compensation.promotion_compensation}, outer first. */
    private static final Set<String> SECTIONS = Stream.of(values())
            .flatMap(k -> k.sectionsAbove().stream())
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private final String path;
    private final KeyType type;
    private final Object defaultValue;
    private final String defaultText;
    private final String unsetMeaning;
    private final Function<ScenarioConfig, Object> derived;
    private final DecimalRange range;
    private final String rule;
    private final String meaning;
    private final String paramsColumn;
    private final List<ParamsForm> paramsForms;

    ScenarioKey(KeyDeclaration d) {
        this.path = d.path;
        this.type = d.type;
        this.defaultText = d.defaultText;
        this.defaultValue = d.defaultText == null ? null : d.type.parse(d.defaultText);
        this.unsetMeaning = d.unsetMeaning;
        this.derived = d.derived;
        this.range = d.range;
        this.rule = d.rule;
        this.meaning = d.meaning;
        this.paramsColumn = d.paramsColumn;
        this.paramsForms = d.paramsForms;
        // A broken declaration fails the class's initialisation, i.e. every config test.
        if ((defaultText == null) == (unsetMeaning == null)) {
            throw new IllegalStateException(path + ": declare either a default or what unset means");
        }
        if (meaning == null) {
            throw new IllegalStateException(path + ": declare its meaning for the configuration reference");
        }
        if (type.isNumber() != (range != null)) {
            throw new IllegalStateException(path + ": numbers need a range, other types have none");
        }
        if (type == KeyType.INTEGER && !range.within(Integer.MIN_VALUE, Integer.MAX_VALUE)
                || type == KeyType.LONG && !range.within(Long.MIN_VALUE, Long.MAX_VALUE)) {
            throw new IllegalStateException(path + ": the range must fit the type " + type);
        }
    }

    /** The dotted path, e.g. {@code simulation.target_growth_rate}. */
    public String path() {
        return path;
    }

    public KeyType type() {
        return type;
    }

    /** The reference's default column: the default as written, or what unset means. */
    String defaultDescription() {
        return defaultText != null ? "`" + defaultText + "`" : "unset: " + unsetMeaning;
    }

    /** The reference's range column: the range or id rule, then any rule that involves other keys. */
    String rangeDescription() {
        String bounds = type == KeyType.ID ? "`" + KeyType.ID_PATTERN.pattern() + "`"
                : range == null ? null : range.describe();
        if (bounds == null) {
            return rule == null ? "" : rule;
        }
        return rule == null ? bounds : bounds + "; " + rule;
    }

    /** One line for planners. */
    public String meaning() {
        return meaning;
    }

    /** The column (prefix, for {@link ParamsForm#EXACT}) of the SQL engine's {@code params}; null when SQL does not read it. */
    public String paramsColumn() {
        return paramsColumn;
    }

    /** How the value is written into {@code params}, in column order; empty when SQL does not read it. */
    public List<ParamsForm> paramsForms() {
        return paramsForms;
    }

    /** The key by dotted path, or null. */
    public static ScenarioKey byPath(String dottedPath) {
        return BY_PATH.get(dottedPath);
    }

    /** The inclusive bounds of a number; null for other types. */
    DecimalRange range() {
        return range;
    }

    /** The value of an absent key as the model keeps it (String, BigDecimal, LocalDate), null when unset. */
    Object defaultValue() {
        return defaultValue;
    }

    /** The effective value of an unset key, computed from the others; null when unset stays null. */
    Object unsetValue(ScenarioConfig config) {
        return derived == null ? null : derived.apply(config);
    }

    /** Checks the value's own rule (id pattern, range); rules involving other keys are {@link ScenarioConfig}'s. */
    void check(Object value, ConfigOrigin origin) {
        if (type == KeyType.ID && !KeyType.ID_PATTERN.matcher((String) value).matches()) {
            throw origin.error(path, "= '" + value + "' is not a valid id: " + KeyType.ID_RULE);
        }
        if (range != null && !range.contains((BigDecimal) value)) {
            throw origin.error(path, range.outOfRange((BigDecimal) value));
        }
    }

    static boolean isKey(String dottedPath) {
        return BY_PATH.containsKey(dottedPath);
    }

    static boolean isSection(String dottedPath) {
        return SECTIONS.contains(dottedPath);
    }

    /**
     * The dotted paths of the keys and sections directly inside {@code section} ("" for the top
     * level), in declaration order.
     */
    static List<String> namesIn(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        Set<String> names = new LinkedHashSet<>();
        for (ScenarioKey k : values()) {
            if (k.path.startsWith(prefix)) {
                int dot = k.path.indexOf('.', prefix.length());
                names.add(dot < 0 ? k.path : k.path.substring(0, dot));
            }
        }
        return List.copyOf(names);
    }

    /** The top-level sections, e.g. {@code simulation}. */
    static List<String> topLevelSections() {
        return SECTIONS.stream().filter(s -> s.indexOf('.') < 0).toList();
    }

    private List<String> sectionsAbove() {
        List<String> sections = new ArrayList<>();
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            sections.add(path.substring(0, dot));
        }
        return sections;
    }
}
