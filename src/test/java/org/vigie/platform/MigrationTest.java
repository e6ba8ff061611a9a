package org.vigie.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made by an earlier version of Vigie is upgraded with its data right. */
class MigrationTest {

    @TempDir
    Path directory;

    @Test
    void upgradeRecountsArticlesSoRepliesUnderHiddenCommentsNoLongerCount() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.ephemeral(directory.resolve("pg"));
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
                Statement sql = connection.createStatement()) {
            migrate(database, "5");
            sql.execute("INSERT INTO article (article_key, premoderated) VALUES ('upgrade', false)");
            sql.execute("""
                    INSERT INTO comment (article_id, author_name, author_email, body, status, ip_hash,
                                         created_at, status_changed_at)
                    SELECT id, 'A', 'a@example.org', 'Premier', 'VISIBLE', 'h', now(), now() FROM article
                    """);
            sql.execute("""
                    INSERT INTO comment (article_id, parent_id, author_name, author_email, body, status, ip_hash,
                                         created_at, status_changed_at)
                    SELECT article_id, id, 'B', 'b@example.org', 'Réponse', 'VISIBLE', 'h', now(), now() FROM comment
                    """);
            sql.execute("UPDATE comment SET status = 'REJECTED' WHERE parent_id IS NULL");
            // Before: the reply under the rejected comment was still counted.
            assertEquals(1, visibleCount(sql));

            migrate(database, "latest");
            assertEquals(0, visibleCount(sql));
            sql.execute("UPDATE comment SET status = 'VISIBLE' WHERE parent_id IS NULL");
            assertEquals(2, visibleCount(sql));
        }
    }

    private static void migrate(EmbeddedDatabase database, String target) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), EmbeddedDatabase.USER, database.password())
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static int visibleCount(Statement sql) throws Exception {
        // From V8 on, an article's count is its folded count plus the deltas not folded yet.
        String count = sql.getConnection().getMetaData().getTables(null, null, "article_visible_count", null).next()
                ? "SELECT v.visible_count FROM article_visible_count v JOIN article a ON a.id = v.article_id WHERE a.article_key = 'upgrade'"
                : "SELECT visible_count FROM article WHERE article_key = 'upgrade'";
        try (ResultSet row = sql.executeQuery(count)) {
            row.next();
            return row.getInt(1);
        }
    }
}
