package io.kiban.lifecycle.support;

import io.kiban.commons.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts rows in the test database (to prove that nothing, or exactly one thing, was written);
 * {@link #update} ages a row for the tests of rows written before a migration.
 */
public final class Db {

    private Db() {}

    public static long count(String sql, Object... params) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs one UPDATE (to make a row look as an older version of the service wrote it); the number
     * of rows changed.
     */
    public static int update(String sql, Object... params) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long audit(String action, String entityType) {
        return count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = ? AND entity_type = ?",
                action,
                entityType);
    }
}
