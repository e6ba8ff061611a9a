package org.vigie.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

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

    private static void execute(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
