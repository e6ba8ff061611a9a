package org.vigie.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL that Main starts keeps users' data: across restarts, and through a crash. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void durableDatabaseKeepsItsDataAcrossAStopAndStart() throws Exception {
        Path data = directory.resolve("pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(data)) {
            execute(database, "CREATE TABLE kept (note text)");
            execute(database, "INSERT INTO kept VALUES ('Merci pour votre commentaire.')");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(data)) {
            assertEquals("Merci pour votre commentaire.", query(database, "SELECT note FROM kept"));
        }
    }

    @Test
    void durableDatabaseSyncsEveryCommit() {
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(directory.resolve("pg"))) {
            assertEquals("on", database.setting("fsync"));
            assertEquals("on", database.setting("synchronous_commit"));
            assertEquals("on", database.setting("full_page_writes"));
        }
    }

    @Test
    void testDatabaseTradesDurabilityForSpeed() {
        try (EmbeddedDatabase database = EmbeddedDatabase.ephemeral(directory.resolve("pg"))) {
            assertEquals("off", database.setting("fsync"));
            assertEquals("off", database.setting("synchronous_commit"));
        }
    }

    @Test
    void onlyVigieCanConnectWithThePasswordItKeepsToItself() throws Exception {
        Path data = directory.resolve("pg");
        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(data)) {
            password = database.password();
            assertRefused(database, "");
            assertRefused(database, "postgres");
            execute(database, "SELECT 1");
            assertEquals("scram-sha-256", query(database, "SELECT DISTINCT auth_method FROM pg_hba_file_rules"));
            assertEquals("127.0.0.1", database.setting("listen_addresses"));
        }
        Path file = data.resolve(EmbeddedDatabase.PASSWORD_FILE);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        // The same password on the next start, and still none without it.
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(data)) {
            assertEquals(password, database.password());
            assertRefused(database, "");
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsLockedOnItsNextStart() throws Exception {
        Path data = directory.resolve("pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(data)) {
            execute(database, "SELECT 1");
        }
        // As a data directory made before Vigie required a password: initdb's trust, no password file.
        Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        Files.delete(data.resolve(EmbeddedDatabase.PASSWORD_FILE));
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(data)) {
            assertRefused(database, "");
            execute(database, "SELECT 1");
        }
    }

    @Test
    void aServerThatDiesIsStartedAgainOnItsPortWithItsData() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.durable(directory.resolve("pg"))) {
            execute(database, "CREATE TABLE kept (note text)");
            execute(database, "INSERT INTO kept VALUES ('acknowledged before the crash')");
            int port = database.port();
            assertTrue(database.isRunning());
            assertFalse(database.restartIfDead());

            // Kill the postmaster as the kernel's OOM killer would, and wait for its backends to notice.
            long pid = Long.parseLong(Files.readAllLines(directory.resolve("pg").resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            List<ProcessHandle> backends = postmaster.children().toList();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            for (ProcessHandle backend : backends) {
                backend.onExit().get(30, TimeUnit.SECONDS);
            }
            assertFalse(database.isRunning());
            assertThrows(SQLException.class, () -> execute(database, "SELECT 1"));

            assertTrue(database.restartIfDead());
            assertEquals(port, database.port());
            assertEquals("acknowledged before the crash", query(database, "SELECT note FROM kept"));
            assertRefused(database, "");
        }
    }

    private static void assertRefused(EmbeddedDatabase database, String password) {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, password).close());
        // 28P01: wrong password; 08004: the server asked for one and none was given.
        assertTrue(List.of("28P01", "08004").contains(refused.getSQLState()), refused.getSQLState() + " " + refused.getMessage());
    }

    private static void execute(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
