package org.vigie.comment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.vigie.article.ArticleChanges;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the other instances sharing the database which threads changed, through PostgreSQL itself: each
 * change sends a {@code NOTIFY} in its own transaction, so it is delivered when, and only if, the change
 * commits; every instance listens on one connection of its own and forgets the pages named. Whatever
 * arrives while the listening connection is down is unknown: on reconnecting, an instance forgets every
 * page.
 *
 * <p>A comment shown or hidden is announced through the database: its change leaves a count delta, and
 * the next fold of any instance sends the article's id ({@code ArticleCounters}, migration V8), whichever
 * statement made the change; the posts themselves do not notify, so their commits do not queue on
 * PostgreSQL's notification lock. This class announces only what leaves no delta: an erasure, which
 * rewrites comments everywhere without changing their status, and an author's edit of a comment that
 * stays visible.
 */
@ApplicationScoped
public class ThreadNotifications {

    static final String CHANNEL = ArticleChanges.CHANNEL;
    private static final Logger LOG = Logger.getLogger(ThreadNotifications.class);

    @Inject
    ArticleChanges changes;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean listening;
    private volatile Connection connection;
    private Thread listener;

    void announce(@Observes(during = TransactionPhase.IN_PROGRESS) ThreadChanged change) {
        if (change.leavesNoDelta()) {
            changes.announce(change.articleId());
        }
    }

    void start(@Observes StartupEvent started) {
        listening = true;
        listener = new Thread(this::listen, "vigie-thread-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
        closeQuietly();
    }

    private void listen() {
        while (listening) {
            try (Connection listen = DriverManager.getConnection(url, username.orElse(null), password.orElse(null));
                    Statement statement = listen.createStatement()) {
                connection = listen;
                statement.execute("LISTEN " + CHANNEL);
                // Changes made while nobody listened here are unknown: forget every page.
                changes.changed(null);
                PGConnection notifications = listen.unwrap(PGConnection.class);
                while (listening) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            changes.changed(parse(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    LOG.warnf("Not listening for changes made by other instances (%s); trying again in 1 s", e.getMessage());
                    changes.changed(null);
                    pause();
                }
            }
        }
    }

    /** The article named, or null for every article. */
    private static Long parse(String payload) {
        if (payload == null || payload.equals(ArticleChanges.EVERY_ARTICLE)) {
            return null;
        }
        try {
            return Long.valueOf(payload);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listening = false;
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // Closing on the way out.
            }
        }
    }
}
