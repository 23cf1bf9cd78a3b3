package io.planwise.cli;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFiles;
import io.planwise.connector.rows.RowFormatException;
import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.database.HrEventsOutboxWriter;
import io.planwise.database.NewHrEvent;
import io.planwise.model.actuals.OpeningBalance;
import io.planwise.model.actuals.SyntheticHrEvents;
import io.planwise.model.census.CensusRowDecoder;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.model.projection.ProjectionParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code planwise append-events}: appends HR events to the outbox table, in one transaction, from a
 * CSV or Parquet file (columns employee_id, event_type, effective_date, compensation, level_id;
 * the last two may be empty), generated ({@code --generate N --seed S}, valid events of
 * employees H&lt;seed&gt;-…), or the opening balance of a census ({@code --census FILE}: a hire event
 * for every employee the projection takes as its baseline, {@link OpeningBalance}). It runs no DDL and so never waits on other writers; the table comes
 * from {@code planwise init-db} or {@code load-postgres}. A value the outbox cannot store (a date
 * that is no date) stops the command with the file and line; anything the outbox can store is
 * appended — the actuals job decides what is valid.
 */
public final class AppendEventsCommand extends Command {
    static final List<Option> OPTIONS = List.of(
            Option.of("url", "JDBC_URL", null, "the database holding the outbox"),
            Option.of("file", "FILE", null, "events to append (CSV or Parquet: employee_id, event_type, effective_date, compensation, level_id)"),
            Option.of("generate", "N", null, "append N valid demo events instead of a file"),
            Option.of("census", "FILE", null, "append the opening balance: a hire event for every active census employee"),
            Option.of("config", "YAML", "the defaults", "with --census: the scenario whose as-of date and job levels apply"),
            Option.of("assumptions", "DIR|JDBC_URL", "the bundled PlanWise seeds", "with --census: the job levels' source"),
            Option.of("seed", "S", "1", "seed of the generated events"),
            Option.of("start", "YYYY-MM-DD", "2025-01-01", "first effective date of the generated events"),
            Option.of("table", "TABLE", "hr_events", "the outbox table"),
            DatabaseInputs.USER, DatabaseInputs.PASSWORD);
    static final Usage USAGE = new Usage("append-events", "append HR events to the PostgreSQL outbox (a file, or generated demo events)", 80, OPTIONS);

    public AppendEventsCommand() {
        super(USAGE);
    }

    private PrintStream out;

    @Override
    public void run(Options cl, PrintStream out) throws Exception {
        this.out = out;
        PostgresEndpoint endpoint = DatabaseInputs.endpoint(cl, cl.require("url"));
        if (Stream.of("file", "generate", "census").filter(cl::has).count() != 1) {
            throw new UsageException("'append-events' needs one of --file FILE, --generate N or --census FILE");
        }
        List<NewHrEvent> events;
        String from;
        if (cl.has("census")) {
            OpeningBalance balance = openingBalance(cl, out);
            events = balance.hires().stream().map(h -> new NewHrEvent(h.employeeId(), "hire", h.hireDate(),
                    BigDecimal.valueOf(h.compensationCents(), 2), h.levelId())).toList();
            from = "opening balance of " + cl.get("census") + " as of " + balance.asOf() + ": " + balance.accounting();
        } else if (cl.get("file") != null) {
            Path file = Path.of(cl.get("file"));
            if (!Files.isRegularFile(file)) {
                throw new UsageException("events file " + file + " does not exist");
            }
            events = read(file);
            from = file.toString();
        } else {
            long count = cl.wholeNumber("generate", 0);
            if (count < 1 || count > 10_000_000) {
                throw new UsageException("--generate must be between 1 and 10,000,000, got " + count);
            }
            long seed = cl.wholeNumber("seed", 1);
            LocalDate start = date(cl.get("start", "2025-01-01"), "--start");
            events = new SyntheticHrEvents(seed, start).events((int) count).stream()
                    .map(r -> new NewHrEvent(r.employeeId(), r.eventType(), r.effectiveDate(),
                            BigDecimal.valueOf(r.compensationCents(), 2), r.levelId()))
                    .toList();
            from = "generated (seed " + seed + ", from " + start + ")";
        }
        String table = cl.get("table", "hr_events");
        HrEventsOutboxWriter writer = new HrEventsOutboxWriter(endpoint, table);
        List<Long> ids = writer.append(events);
        if (ids.isEmpty()) {
            out.printf("no events in %s; nothing appended%n", from);
            return;
        }
        out.printf("appended %,d events (%s) to %s table %s: event_id %d–%d, one transaction%n", ids.size(), from, endpoint,
                table, ids.stream().mapToLong(Long::longValue).min().orElse(0), ids.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** The census read with the projection's rules, against the scenario's as-of date and job levels. */
    private static OpeningBalance openingBalance(Options cl, PrintStream out) throws Exception {
        Path census = InputChecks.censusFile(cl.get("census"));
        ScenarioConfig config = ProjectCommand.config(cl, out);
        OpeningBalance balance = new OpeningBalance(new ProjectionParameters(config, ProjectCommand.assumptions(cl), 0),
                config.censusAsOfDate());
        try {
            RowFiles.readAll(census, new CensusRowDecoder(), balance::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return balance;
    }

    private static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(what + " must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    static List<NewHrEvent> read(Path file) throws IOException {
        List<NewHrEvent> events = new ArrayList<>();
        try {
            RowFiles.readAll(file, new EventRows(), events::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return events;
    }

    /** Reads an events file's rows; a value the outbox cannot store names its file and line. */
    private static final class EventRows implements RowDecoder<NewHrEvent> {
        private static final long serialVersionUID = 1L;
        private static final List<String> REQUIRED = List.of("employee_id", "event_type", "effective_date");

        @Override
        public BoundDecoder<NewHrEvent> bind(String source, List<String> columns) throws RowFormatException {
            List<String> names = columns.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
            List<String> missing = REQUIRED.stream().filter(c -> !names.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new RowFormatException(source + " lacks column(s) " + String.join(", ", missing)
                        + "; an events file has employee_id, event_type, effective_date, compensation, level_id");
            }
            int employee = names.indexOf("employee_id");
            int type = names.indexOf("event_type");
            int date = names.indexOf("effective_date");
            int pay = names.indexOf("compensation");
            int level = names.indexOf("level_id");
            return (row, values, count, raw) -> {
                String where = source + " line " + row;
                return new NewHrEvent(text(values, employee), text(values, type), parse(values, date, where, "effective_date",
                        LocalDate::parse), parse(values, pay, where, "compensation", BigDecimal::new),
                        parse(values, level, where, "level_id", Integer::valueOf));
            };
        }

        private static String text(String[] values, int at) {
            String v = at < 0 ? null : values[at];
            return v == null || v.isBlank() ? null : v.trim();
        }

        private static <V> V parse(String[] values, int at, String where, String column, java.util.function.Function<String, V> parser) {
            String v = text(values, at);
            if (v == null) {
                return null;
            }
            try {
                return parser.apply(v);
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new RowFormatException(where + ": " + column + " '" + v + "' cannot be stored in the outbox"
                        + (column.equals("effective_date") ? " (dates are YYYY-MM-DD)" : "")));
            }
        }
    }
}
