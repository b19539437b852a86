package io.kiban.commons.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Least privilege for the service's database user (#15 item 7). Off unless {@code
 * kiban.db.migration-user} is set (then one user does both, as before). On: Flyway migrates as the
 * migration (schema owner) user, and after every migration grants the runtime user ({@code
 * quarkus.datasource.username}) table by table:
 *
 * <ul>
 *   <li>{@code audit_entry}: SELECT, INSERT only — the service can neither change nor delete an
 *       audit entry;
 *   <li>{@code audit_head}: SELECT and UPDATE of {@code seq, mac} only — not its chain id, and no
 *       DELETE;
 *   <li>{@code flyway_schema_history}: SELECT only;
 *   <li>every other table and sequence: SELECT, INSERT, UPDATE, DELETE.
 * </ul>
 *
 * The runtime user must hold no database-wide grant (see docs/security.md for the users to create).
 */
@ApplicationScoped
public class LeastPrivilegeMigrations implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(LeastPrivilegeMigrations.class);
    static final List<String> AUDIT_TABLES = List.of("audit_entry", "audit_head");

    private final Optional<String> migrationUser;
    private final Optional<String> migrationPassword;
    private final String jdbcUrl;
    private final String runtimeUser;
    private final String runtimeHost;

    public LeastPrivilegeMigrations(
            @ConfigProperty(name = "kiban.db.migration-user") Optional<String> migrationUser,
            @ConfigProperty(name = "kiban.db.migration-password")
                    Optional<String> migrationPassword,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String runtimeUser,
            @ConfigProperty(name = "kiban.db.runtime-user-host", defaultValue = "%")
                    String runtimeHost) {
        this.migrationUser = migrationUser.filter(u -> !u.isBlank());
        this.migrationPassword = migrationPassword;
        this.jdbcUrl = jdbcUrl;
        this.runtimeUser = runtimeUser;
        this.runtimeHost = runtimeHost;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (migrationUser.isEmpty()) {
            return;
        }
        if (migrationUser.get().equals(runtimeUser)) {
            throw new FlywayException(
                    "kiban.db.migration-user must differ from quarkus.datasource.username");
        }
        configuration.dataSource(jdbcUrl, migrationUser.get(), migrationPassword.orElse(""));
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new GrantRuntimeUser());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    /** The GRANT statements for one table of the service's schema. */
    static List<String> grantsFor(String table, String tableType, String grantee) {
        String t = "`" + table.replace("`", "``") + "`";
        return switch (table) {
            case "audit_entry" -> List.of("GRANT SELECT, INSERT ON " + t + " TO " + grantee);
            case "audit_head" ->
                    List.of("GRANT SELECT, UPDATE (seq, mac) ON " + t + " TO " + grantee);
            case "flyway_schema_history" -> List.of("GRANT SELECT ON " + t + " TO " + grantee);
            default ->
                    "VIEW".equals(tableType)
                            ? List.of("GRANT SELECT ON " + t + " TO " + grantee)
                            : List.of(
                                    "GRANT SELECT, INSERT, UPDATE, DELETE ON "
                                            + t
                                            + " TO "
                                            + grantee);
        };
    }

    final class GrantRuntimeUser implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            String grantee =
                    "'"
                            + runtimeUser.replace("'", "''")
                            + "'@'"
                            + runtimeHost.replace("'", "''")
                            + "'";
            Connection c = context.getConnection();
            try {
                List<String[]> tables = new ArrayList<>();
                try (PreparedStatement ps =
                                c.prepareStatement(
                                        "SELECT table_name, table_type FROM"
                                                + " information_schema.tables WHERE table_schema = DATABASE()");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                try (Statement st = c.createStatement()) {
                    for (String audit : AUDIT_TABLES) {
                        // whatever an earlier grant gave, the audit tables end with exactly the
                        // grants below
                        try {
                            st.execute("REVOKE ALL PRIVILEGES ON `" + audit + "` FROM " + grantee);
                        } catch (SQLException none) {
                            // no grant on this table yet
                        }
                    }
                    for (String[] table : tables) {
                        for (String grant : grantsFor(table[0], table[1], grantee)) {
                            st.execute(grant);
                        }
                    }
                }
                LOG.infof(
                        "least privilege: %s granted table by table (%d tables; audit tables SELECT/INSERT only)",
                        grantee, tables.size());
            } catch (SQLException e) {
                throw new FlywayException(
                        "cannot grant the runtime database user " + grantee + ": " + e.getMessage(),
                        e);
            }
        }

        @Override
        public String getCallbackName() {
            return "kiban-least-privilege-grants";
        }
    }
}
