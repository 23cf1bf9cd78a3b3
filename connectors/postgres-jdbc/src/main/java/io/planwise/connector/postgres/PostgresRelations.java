package io.planwise.connector.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the sources (and loaders built on this connector) ask the catalog before they read or write a table. */
public final class PostgresRelations {
    /** A plain, optionally schema-qualified table name: nothing that could smuggle SQL into a FROM clause. */
    public static final String TABLE_NAME = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?";

    private PostgresRelations() {}

    public static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT to_regclass(?)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1) != null;
            }
        }
    }

    /** Column name to type name (both lower case, in column order) of a table or a parenthesized query. */
    public static Map<String, String> columnTypes(Connection c, String relation) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + relation + " AS src LIMIT 0");
                ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnTypeName(i).toLowerCase(Locale.ROOT));
            }
        }
        return types;
    }
}
