package io.planwise.cli;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresExport;
import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.model.assumptions.AssumptionFile;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusRowDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Inputs from PostgreSQL, read the same way for both engines: the census table or query, checked
 * before any engine starts ({@link PostgresRelation#check}: reachable, credentials, table, query,
 * required columns, column types), and the assumption tables, exported as seed files and validated
 * like them. Credentials come from {@code --db-user}/{@code --db-password}, else {@code PGUSER} and
 * {@code PGPASSWORD}; they are never printed.
 */
public final class DatabaseInputs {
    /** The PlanWise schema's load-order column; a relation without it is numbered by employee_id. */
    public static final String CENSUS_ROW = "census_row";

    private static final Set<String> DATES = Set.of("date", "timestamp", "timestamptz", "text", "varchar");

    /** The credentials options every command that reaches the database takes; read by {@link #endpoint}. */
    public static final Option USER = Option.of("db-user", "USER", "$PGUSER", "database user");
    public static final Option PASSWORD = Option.of("db-password", "PASSWORD", "$PGPASSWORD",
            "database password (never printed)");

    private DatabaseInputs() {}

    /**
     * Whether the user meant a database: any {@code jdbc:} URL, not only PostgreSQL's (which
     * {@link PostgresEndpoint#isJdbcUrl} checks), so that {@code jdbc:mysql:…} is answered with
     * "not a PostgreSQL JDBC URL" rather than "census file … does not exist".
     */
    static boolean isJdbcUrl(String text) {
        return text != null && text.startsWith("jdbc:");
    }

    /** The endpoint of {@code url} with the command line's (or the environment's) credentials. */
    public static PostgresEndpoint endpoint(Options options, String url) {
        return PostgresEndpoint.of(url, options.get(USER.name()), options.get(PASSWORD.name()), System.getenv());
    }

    /** The census relation, checked: {@code table} (default {@code census}) unless a query is given. */
    static PostgresRelation census(PostgresEndpoint endpoint, String table, String query) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        types.put(CensusRow.EMPLOYEE_ID, Set.of("text", "varchar", "bpchar", "int4", "int8"));
        types.put(CensusRow.BIRTH_DATE, DATES);
        types.put(CensusRow.HIRE_DATE, DATES);
        types.put(CensusRow.TERMINATION_DATE, DATES);
        types.put(CensusRow.GROSS_COMPENSATION, Set.of("numeric", "int4", "int8", "float4", "float8", "text", "varchar"));
        return PostgresRelation.check(endpoint, new PostgresRelation.Spec(query == null && table == null ? "census" : table,
                query, CENSUS_ROW, CensusRow.EMPLOYEE_ID, types), new CensusRowDecoder());
    }

    /** The assumption tables the database has (the others fall back to the bundled defaults). */
    static Assumptions assumptions(PostgresEndpoint endpoint) throws IOException {
        Path dir = Files.createTempDirectory("planwise-assumptions");
        try {
            PostgresExport.tablesAsCsv(endpoint, Arrays.stream(AssumptionFile.values())
                    .map(AssumptionFile::tableName).toList(), dir);
            return Assumptions.load(dir);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
