package org.vigie.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failures mean "PostgreSQL cannot be reached" (503 with Retry-After) rather than a bug (500). */
class DatabaseUnreachableTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "08006 | An I/O error occurred while sending to the backend. | true",
            "08001 | Connection to 127.0.0.1:5432 refused. | true",
            "57P01 | terminating connection due to administrator command | true",
            "57P03 | the database system is starting up | true",
            "'' | Acquisition timeout while waiting for new connection | true",
            "23505 | duplicate key value violates unique constraint | false",
            "42P01 | relation does not exist | false" })
    void sqlStatesAndPoolTimeouts(String state, String message, boolean unreachable) {
        SQLException sql = new SQLException(message, state.isEmpty() ? null : state);
        // As Hibernate and Quarkus wrap it, a few levels down.
        RuntimeException wrapped = new RuntimeException("could not execute statement", new IllegalStateException(sql));
        assertEquals(unreachable, ProblemMapper.isDatabaseUnreachable(wrapped));
    }

    @ParameterizedTest
    @CsvSource({ "true" })
    void refusedConnectionsAndPoolExhaustion(boolean unreachable) {
        assertEquals(unreachable, ProblemMapper.isDatabaseUnreachable(new RuntimeException(new ConnectException("refused"))));
        assertEquals(unreachable, ProblemMapper.isDatabaseUnreachable(new SQLTransientConnectionException("no connection")));
        assertEquals(!unreachable, ProblemMapper.isDatabaseUnreachable(new IllegalArgumentException("a bug")));
    }

    @ParameterizedTest
    @CsvSource({ "57P01, true", "23505, false" })
    void aCommitCutShortCarriesItsCauseAsASuppressedException(String state, boolean unreachable) {
        // As Narayana reports a one-phase commit that failed: a RollbackException, the SQL error suppressed in it.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("terminating connection due to unexpected postmaster exit", state));
        rollback.addSuppressed(xa);
        assertEquals(unreachable, ProblemMapper.isDatabaseUnreachable(new RuntimeException("Error invoking subclass method", rollback)));
    }
}
