package org.vigie;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The queries on hot paths use indexes: each is explained by PostgreSQL on 100,000 comments and replies
 * over 1,000 articles and a year, in a schema of its own migrated by the service's migrations, and none
 * may read the comment table from end to end. Each statement is written as the service sends it (the
 * JPQL ones as Hibernate turns them into SQL), with sample values for its parameters.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private static final String SCHEMA = "vigie_query_plans";

    private static final String ALL_VISIBLE = "SELECT relallvisible FROM pg_class WHERE oid = 'comment'::regclass";
    private static final String PAGES = "SELECT relpages FROM pg_class WHERE oid = 'comment'::regclass";

    /** The queries, by what serves them. */
    private static final Map<String, String> HOT_QUERIES = new LinkedHashMap<>();

    static {
        String visibleQueue = "c.status = 'VISIBLE'";
        String reportedQueue = "c.reported_at IS NOT NULL AND (c.moderated_at IS NULL OR c.reported_at > c.moderated_at)";
        String flaggedQueue = "c.status = 'VISIBLE' AND c.flagged";
        HOT_QUERIES.put("thread page, newest first", """
                SELECT * FROM comment c WHERE c.article_id = 500 AND c.parent_id IS NULL AND c.status = 'VISIBLE'
                 ORDER BY c.created_at DESC, c.id DESC LIMIT 21""");
        HOT_QUERIES.put("thread page, next page", """
                SELECT * FROM comment c WHERE c.article_id = 500 AND c.parent_id IS NULL AND c.status = 'VISIBLE'
                   AND (c.created_at, c.id) < (now() - interval '100 days', 50000)
                 ORDER BY c.created_at DESC, c.id DESC LIMIT 21""");
        HOT_QUERIES.put("thread page, replies", """
                SELECT * FROM comment c WHERE c.parent_id IN (SELECT id FROM comment WHERE article_id = 500 AND parent_id IS NULL
                                                              ORDER BY created_at DESC LIMIT 20)
                   AND c.status = 'VISIBLE' ORDER BY c.created_at, c.id""");
        HOT_QUERIES.put("one comment", """
                SELECT c.*, a.article_key FROM comment c JOIN article a ON a.id = c.article_id
                 WHERE c.id = 4242 AND c.status = 'VISIBLE' AND (c.parent_id IS NULL OR EXISTS
                       (SELECT 1 FROM comment p WHERE p.id = c.parent_id AND p.status = 'VISIBLE'))""");
        HOT_QUERIES.put("counts", "SELECT a.article_key, a.visible_count + coalesce((SELECT sum(d.delta) FROM article_count_delta d"
                + " WHERE d.article_id = a.id), 0) FROM article a WHERE a.article_key IN ('plan-1', 'plan-2')");
        HOT_QUERIES.put("most commented", """
                SELECT a.article_key, a.title, a.url, recent.count
                  FROM (SELECT article_id, count(*) AS count FROM comment
                         WHERE status = 'VISIBLE' AND created_at >= now() - interval '7 days'
                         GROUP BY article_id ORDER BY count DESC, article_id LIMIT 5) recent
                  JOIN article a ON a.id = recent.article_id ORDER BY recent.count DESC, recent.article_id""");
        for (String[] queue : new String[][] { { "pending", "c.status = 'PENDING'" }, { "reported", reportedQueue },
                { "flagged", flaggedQueue }, { "rejected", "c.status = 'REJECTED'" }, { "approved", visibleQueue } }) {
            HOT_QUERIES.put("queue " + queue[0] + ", oldest first", "SELECT c.id, c.created_at AS position"
                    + " FROM comment c WHERE " + queue[1] + " ORDER BY c.created_at ASC, c.id ASC LIMIT 51");
            HOT_QUERIES.put("queue " + queue[0] + ", total", "SELECT count(*) FROM comment c WHERE " + queue[1]);
            HOT_QUERIES.put("queue " + queue[0] + " of an article, total", "SELECT count(*) FROM comment c"
                    + " JOIN article a ON a.id = c.article_id WHERE " + queue[1] + " AND a.article_key = 'plan-500'");
            HOT_QUERIES.put("queue " + queue[0] + " of an article", "SELECT c.id, c.created_at AS position"
                    + " FROM comment c JOIN article a ON a.id = c.article_id WHERE " + queue[1]
                    + " AND a.article_key = 'plan-500' ORDER BY c.created_at ASC, c.id ASC LIMIT 51");
        }
        HOT_QUERIES.put("queue reported, most reported first", "SELECT c.id, c.report_count AS position"
                + " FROM comment c WHERE " + reportedQueue + " ORDER BY c.report_count DESC, c.id DESC LIMIT 51");
        HOT_QUERIES.put("queue pending, searched", "SELECT c.id, c.created_at AS position"
                + " FROM comment c WHERE c.status = 'PENDING' AND to_tsvector('french', c.body) @@ plainto_tsquery('french', 'rarissime')"
                + " ORDER BY c.created_at ASC, c.id ASC LIMIT 51");
        StringBuilder counts = new StringBuilder("SELECT ");
        StringBuilder articleCounts = new StringBuilder("SELECT ");
        String[] conditions = { "c.status = 'PENDING'", reportedQueue, flaggedQueue, "c.status = 'REJECTED'", visibleQueue };
        for (int i = 0; i < conditions.length; i++) {
            counts.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM comment c WHERE ").append(conditions[i]).append(")");
            articleCounts.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM comment c WHERE ").append(conditions[i])
                    .append(" AND c.article_id = (SELECT a.id FROM article a WHERE a.article_key = 'plan-500'))");
        }
        HOT_QUERIES.put("queue counts", counts.toString());
        HOT_QUERIES.put("queue counts of an article", articleCounts.toString());
        HOT_QUERIES.put("queue counts by article", "SELECT a.article_key, count(*) FROM comment c JOIN article a ON a.id = c.article_id"
                + " WHERE c.status = 'PENDING' OR (" + reportedQueue + ") OR (" + flaggedQueue + ")"
                + " GROUP BY a.id ORDER BY count(*) DESC, a.article_key LIMIT 50");
        HOT_QUERIES.put("author facts", """
                SELECT r.approved, r.rejected, r.pending,
                       coalesce((SELECT s.premoderated FROM author_setting s WHERE s.email = 'auteur42@example.org'), false)
                  FROM (SELECT count(*) FILTER (WHERE c.status = 'VISIBLE') AS approved,
                               count(*) FILTER (WHERE c.status = 'REJECTED') AS rejected,
                               count(*) FILTER (WHERE c.status = 'PENDING') AS pending
                          FROM comment c WHERE lower(c.author_email) = 'auteur42@example.org' AND c.id <> 0) r
                  LEFT JOIN (SELECT * FROM ban WHERE lifted_at IS NULL AND (until IS NULL OR until > now())
                               AND (email = 'auteur42@example.org' OR ip_hash = 'hash')
                             ORDER BY created_at, id LIMIT 1) b ON true""");
        HOT_QUERIES.put("author records of a queue page", """
                SELECT lower(c.author_email), count(*) FILTER (WHERE c.status = 'VISIBLE') FROM comment c
                 WHERE lower(c.author_email) IN ('auteur1@example.org', 'auteur2@example.org') GROUP BY 1""");
        HOT_QUERIES.put("history for the rules", """
                SELECT count(*) FILTER (WHERE ip_hash = 'hash-7' AND created_at > now() - interval '60 seconds'),
                       count(*) FILTER (WHERE lower(author_email) = 'auteur7@example.org'
                                          AND created_at > now() - interval '86400 seconds' AND fingerprint = 'f'),
                       count(*) FILTER (WHERE article_id = 500 AND created_at > now() - interval '60 seconds')
                  FROM comment WHERE (ip_hash = 'hash-7' OR lower(author_email) = 'auteur7@example.org' OR article_id = 500)
                   AND created_at > now() - interval '86400 seconds' AND id <> 0""");
        HOT_QUERIES.put("reports of a comment", """
                SELECT reason, count(DISTINCT ip_hash) FROM report WHERE comment_id = 4242 GROUP BY GROUPING SETS ((reason), ())""");
        HOT_QUERIES.put("rate limit", """
                INSERT INTO rate_limit (bucket, hits) VALUES ('comment:hash', ARRAY[now()])
                ON CONFLICT (bucket) DO UPDATE SET hits = rate_limit.hits || now()""");
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A connection of its own whose tables are the plans schema's, never returned to the service's pool. */
    private Connection plansConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                user, password.orElse(""));
        connection.setAutoCommit(true);
        return connection;
    }

    @BeforeAll
    void loadAYearOfComments() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
        }
        Flyway.configure().dataSource(url, user, password.orElse("")).schemas(SCHEMA).defaultSchema(SCHEMA)
                .locations("classpath:db/migration").load().migrate();
        try (Connection connection = plansConnection(); Statement sql = connection.createStatement()) {
            // The counters' triggers would cost a statement per row; the counters are not what is measured.
            sql.execute("ALTER TABLE comment DISABLE TRIGGER USER");
            sql.execute("""
                    INSERT INTO article (article_key, title, premoderated, created_at, updated_at)
                    SELECT 'plan-' || g, 'Article ' || g, false, now() - interval '400 days', now()
                      FROM generate_series(1, 1000) g""");
            // 70,000 comments: 90 % visible, 7 % pending, 3 % rejected; 1 % flagged, 2 % reported;
            // 5,000 authors, 3,000 addresses, over a year.
            sql.execute("""
                    INSERT INTO comment (article_id, author_name, author_email, body, status, matches, flagged, fingerprint,
                                         rule_set_version, report_count, reported_at, ip_hash, created_at, status_changed_at)
                    SELECT a.id, 'Auteur ' || g % 5000, 'auteur' || g % 5000 || '@example.org',
                           'Un avis argumenté sur cet article, numéro ' || g || ', ' || repeat('assez long pour ressembler à un vrai. ', 4),
                           CASE WHEN g % 100 < 90 THEN 'VISIBLE' WHEN g % 100 < 97 THEN 'PENDING' ELSE 'REJECTED' END,
                           '[]', g % 100 = 5, md5(g::text), 1,
                           CASE WHEN g % 50 = 0 THEN 1 + g % 7 ELSE 0 END,
                           CASE WHEN g % 50 = 0 THEN now() - (g % 525600) * interval '1 minute' END,
                           'hash-' || g % 3000, now() - (g % 525600) * interval '1 minute', now() - (g % 525600) * interval '1 minute'
                      FROM generate_series(1, 70000) g JOIN article a ON a.article_key = 'plan-' || (1 + g % 1000)""");
            // 30,000 replies under them.
            sql.execute("""
                    INSERT INTO comment (article_id, parent_id, author_name, author_email, body, status, matches, fingerprint,
                                         rule_set_version, ip_hash, created_at, status_changed_at)
                    SELECT p.article_id, p.id, 'Auteur ' || p.id % 5000, 'auteur' || p.id % 5000 || '@example.org',
                           'Une réponse ' || p.id || ', ' || repeat('avec un peu de texte. ', 4),
                           CASE WHEN p.id % 10 = 0 THEN 'PENDING' ELSE 'VISIBLE' END, '[]', md5('r' || p.id), 1,
                           'hash-' || p.id % 3000, p.created_at + interval '1 hour', p.created_at + interval '1 hour'
                      FROM (SELECT id, article_id, created_at FROM comment ORDER BY id LIMIT 30000) p""");
            sql.execute("ALTER TABLE comment ENABLE TRIGGER USER");
            sql.execute("VACUUM ANALYZE article");
            sql.execute("VACUUM ANALYZE comment");
            // As autovacuum would in time: mark every page all-visible, which a transaction still open
            // elsewhere during the first pass may have prevented, so that counts can read indexes only.
            for (int pass = 0; pass < 50 && count(sql, ALL_VISIBLE) < count(sql, PAGES); pass++) {
                sql.execute("VACUUM comment");
            }
        }
    }

    @AfterAll
    void dropThePlansSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void noHotQueryReadsEveryComment() throws SQLException {
        List<String> sequential = new ArrayList<>();
        StringBuilder plans = new StringBuilder();
        try (Connection connection = plansConnection(); Statement sql = connection.createStatement()) {
            assertTrue(count(sql, "SELECT count(*) FROM comment") == 100_000, "the plans are made on 100,000 comments");
            for (Map.Entry<String, String> query : HOT_QUERIES.entrySet()) {
                String plan = explain(sql, query.getValue());
                plans.append("-- ").append(query.getKey()).append('\n').append(plan).append('\n');
                if (plan.contains("Seq Scan on comment")) {
                    sequential.add(query.getKey());
                }
            }
        }
        assertTrue(sequential.isEmpty(), "queries that read every comment: " + sequential + "\n" + plans);
    }

    @Test
    void theCheckSeesASequentialScanWhenThereIsOne() throws SQLException {
        try (Connection connection = plansConnection(); Statement sql = connection.createStatement()) {
            // No index on a comment's name: this one has to read them all.
            assertTrue(explain(sql, "SELECT count(*) FROM comment WHERE author_name = 'Auteur 7'").contains("Seq Scan on comment"));
            assertFalse(explain(sql, "SELECT * FROM comment WHERE id = 7").contains("Seq Scan on comment"));
        }
    }

    private static String explain(Statement sql, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("EXPLAIN " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
