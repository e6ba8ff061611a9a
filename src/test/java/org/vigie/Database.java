package org.vigie;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** Plain SQL on the service's own database, to check what a request stored (or did not). */
@ApplicationScoped
public class Database {

    @Inject
    AgroalDataSource dataSource;

    /** Every stored comment and reply of an article, whatever its status. */
    public long commentsOf(String articleKey) {
        return count("SELECT count(*) FROM comment c JOIN article a ON a.id = c.article_id WHERE a.article_key = ?",
                articleKey);
    }

    public long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    public Object single(String sql, Object... parameters) {
        List<Object> rows = column(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    public List<Object> column(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
