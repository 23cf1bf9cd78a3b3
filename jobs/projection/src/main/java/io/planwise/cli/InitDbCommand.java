package io.planwise.cli;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.database.HrDatabase;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code planwise init-db}: creates the PlanWise tables and indexes that do not exist yet — the
 * census, the assumption tables and the {@code hr_events} outbox — and touches nothing that does
 * (not even with a lock, so it is safe while HR systems write events). The one place besides
 * {@code load-postgres} where schema work happens; {@code append-events} never does any.
 */
public final class InitDbCommand extends Command {
    static final List<Option> OPTIONS = List.of(
            Option.of("url", "JDBC_URL", null, "the database, e.g. jdbc:postgresql://db:5432/hr"),
            DatabaseInputs.USER, DatabaseInputs.PASSWORD);
    static final Usage USAGE = new Usage("init-db", "create the PlanWise tables (census, assumptions, hr_events outbox) that do not exist yet", 75, OPTIONS);

    public InitDbCommand() {
        super(USAGE);
    }

    @Override
    public void run(Options cl, PrintStream out) {
        PostgresEndpoint endpoint = DatabaseInputs.endpoint(cl, cl.require("url"));
        int created = HrDatabase.createMissingTables(endpoint);
        int objects = HrDatabase.schemaStatements().size();
        out.printf(created == 0 ? "%2$s already holds all %3$d PlanWise tables and indexes; nothing changed%n"
                : "created %1$d of the %3$d PlanWise tables and indexes in %2$s%n", created, endpoint, objects);
    }
}
