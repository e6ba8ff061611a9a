package org.vigie.bare;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bare counterparts of Vigie's scenarios: precomputed bytes (a cached page), a 50-row read and a
 * one-row durable insert, on Vigie's own database; and the seeding of big articles straight in SQL.
 */
@Path("/bare")
public class BareResource {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "bare.bytes-size")
    int bytesSize;

    private byte[] bytes;

    @PostConstruct
    void prepare() throws SQLException {
        resize(bytesSize);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bare_insert (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " body text NOT NULL, created_at timestamptz NOT NULL)");
        }
    }

    @GET
    @Path("/bytes")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] bytes() {
        return bytes;
    }

    /** Makes the precomputed response {@code size} bytes long, the size of the page it stands for. */
    @POST
    @Path("/bytes")
    public void resize(@QueryParam("size") int size) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        while (json.length() < size - 2) {
            json.append('"').append("x".repeat(Math.max(1, Math.min(60, size - json.length() - 5)))).append("\",");
        }
        json.setLength(json.length() - 1);
        bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Path("/rows")
    @Produces(MediaType.APPLICATION_JSON)
    public String rows() throws SQLException {
        StringBuilder json = new StringBuilder("[");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, author_name, body, created_at FROM comment ORDER BY id DESC LIMIT 50");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("{\"id\":").append(rows.getLong(1)).append(",\"authorName\":\"").append(escape(rows.getString(2)))
                        .append("\",\"body\":\"").append(escape(rows.getString(3))).append("\",\"createdAt\":\"")
                        .append(rows.getTimestamp(4).toInstant()).append("\"}");
            }
        }
        return json.append(']').toString();
    }

    @POST
    @Path("/insert")
    @Produces(MediaType.APPLICATION_JSON)
    public String insert(String body) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO bare_insert (body, created_at) VALUES (?, ?) RETURNING id")) {
            insert.setString(1, body);
            insert.setObject(2, java.sql.Timestamp.from(Instant.now()));
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return "{\"id\":" + id.getLong(1) + "}";
            }
        }
    }

    /** Adds {@code comments} visible comments, each with {@code replies} visible replies, to an article. */
    @POST
    @Path("/seed")
    @Produces(MediaType.APPLICATION_JSON)
    public String seed(@QueryParam("article") String article, @QueryParam("comments") int comments,
            @QueryParam("replies") int replies) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO article (article_key, premoderated) VALUES (?, false) ON CONFLICT (article_key) DO NOTHING")) {
                insert.setString(1, article);
                insert.executeUpdate();
            }
            try (PreparedStatement top = connection.prepareStatement("""
                    INSERT INTO comment (article_id, author_name, author_email, body, status, ip_hash, created_at, status_changed_at)
                    SELECT a.id, 'Lecteur ' || n, 'lecteur' || n || '@example.org',
                           'Commentaire numéro ' || n || ' sur cet article, assez long pour ressembler à un vrai.',
                           'VISIBLE', 'bench', now() - (? - n) * interval '1 second', now()
                    FROM article a, generate_series(1, ?) n WHERE a.article_key = ?""")) {
                top.setInt(1, comments);
                top.setInt(2, comments);
                top.setString(3, article);
                top.executeUpdate();
            }
            if (replies > 0) {
                try (PreparedStatement reply = connection.prepareStatement("""
                        INSERT INTO comment (article_id, parent_id, author_name, author_email, body, status, ip_hash, created_at, status_changed_at)
                        SELECT c.article_id, c.id, 'Réponse ' || r, 'reponse' || r || '@example.org',
                               'Une réponse au commentaire ' || c.id || ', numéro ' || r || '.',
                               'VISIBLE', 'bench', c.created_at + r * interval '1 millisecond', now()
                        FROM comment c JOIN article a ON a.id = c.article_id, generate_series(1, ?) r
                        WHERE a.article_key = ? AND c.parent_id IS NULL""")) {
                    reply.setInt(1, replies);
                    reply.setString(2, article);
                    reply.executeUpdate();
                }
            }
            // As after any bulk load: the planner learns the new sizes now, not when autovacuum comes by.
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE article");
                analyze.execute("ANALYZE comment");
            }
        }
        return "{\"article\":\"" + escape(article) + "\"}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
