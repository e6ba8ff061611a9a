package org.vigie.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A native statement with named parameters ({@code :name}), run with plain JDBC on the connection of the
 * caller's transaction, its rows read as {@link Rows.Row}. For the statements of the hottest path
 * (posting a comment), where building a Hibernate native query, binding it and mapping its result cost
 * more than PostgreSQL takes to run it. The text is parsed once; PostgreSQL's driver prepares it on the
 * server after a few runs on a connection. Hibernate does not flush before it: run it before changing
 * entities, or flush first.
 */
public final class SqlStatement {

    /** Parsed texts, by their named form; the statements are a fixed set, but bounded all the same. */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int MOST_PARSED = 1000;

    record Parsed(String jdbc, List<String> names) {
    }

    private final Parsed parsed;
    private final Map<String, Object> values = new HashMap<>();

    private SqlStatement(Parsed parsed) {
        this.parsed = parsed;
    }

    public static SqlStatement of(String sql) {
        Parsed parsed = PARSED.get(sql);
        if (parsed == null) {
            if (PARSED.size() >= MOST_PARSED) {
                PARSED.clear();
            }
            parsed = parse(sql);
            PARSED.put(sql, parsed);
        }
        return new SqlStatement(parsed);
    }

    /** Binds {@code :name}: a String, a Number, a Boolean, an Instant, or null. */
    public SqlStatement set(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The one row it returns, mapped; an {@link IllegalStateException} if it returns none or more. */
    public <T> T single(EntityManager entityManager, Function<Rows.Row, T> mapper) {
        List<T> rows = list(entityManager, mapper);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    /** Every row it returns, mapped: on the connection of the caller's transaction. */
    public <T> List<T> list(EntityManager entityManager, Function<Rows.Row, T> mapper) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> run(connection, mapper));
    }

    /**
     * Every row it returns, mapped: in the caller's transaction if there is one, else on a pooled connection
     * of its own, without opening a Hibernate session (a read that needs no transaction, such as a thread
     * page).
     */
    public <T> List<T> read(EntityManager entityManager, DataSource dataSource, Function<Rows.Row, T> mapper) {
        if (QuarkusTransaction.isActive()) {
            return list(entityManager, mapper);
        }
        try (Connection connection = dataSource.getConnection()) {
            return run(connection, mapper);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read: " + e.getMessage(), e);
        }
    }

    private <T> List<T> run(Connection connection, Function<Rows.Row, T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(parsed.jdbc())) {
            for (int i = 0; i < parsed.names().size(); i++) {
                String name = parsed.names().get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalStateException("No value for :" + name);
                }
                bind(statement, i + 1, values.get(name));
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                String[] labels = new String[columns.getColumnCount()];
                for (int c = 0; c < labels.length; c++) {
                    labels[c] = columns.getColumnLabel(c + 1);
                }
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>(labels.length * 2);
                    for (int c = 0; c < labels.length; c++) {
                        row.put(labels[c], result.getObject(c + 1));
                    }
                    rows.add(mapper.apply(new Rows.Row(row)));
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * Replaces each {@code :name} with {@code ?}, skipping string literals, quoted identifiers and
     * {@code ::} casts.
     */
    static Parsed parse(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                jdbc.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                jdbc.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end;
            } else {
                jdbc.append(c);
                i++;
            }
        }
        return new Parsed(jdbc.toString(), List.copyOf(names));
    }
}
