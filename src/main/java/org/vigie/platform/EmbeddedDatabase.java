package org.vigie.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 started from the binaries shipped in the jar, so that Vigie runs without a
 * database server to install. Used by {@link Main} when no datasource URL is configured, and by the
 * tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "vigie";
    public static final String USER = "postgres";
    /** The superuser's password, generated on the first start, readable by the data directory's owner only. */
    public static final String PASSWORD_FILE = "vigie-password";

    /** Every connection, over TCP or the Unix socket, must give the password. */
    private static final String PASSWORD_ONLY = """
            # Written by Vigie: every connection gives the password kept in vigie-password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private volatile EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final boolean durable;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password, boolean durable) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.durable = durable;
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean durable, String password) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!durable)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Loopback only, and zonky's own checks connect with the password too.
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setConnectConfig("password", password);
        if (durable) {
            // zonky starts postgres with -F and synchronous_commit=off; these settings come later on
            // the command line and win, so a crash cannot lose a comment that was acknowledged.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder;
    }

    /** Whether the server's postmaster, as its postmaster.pid names it, is alive. */
    public boolean isRunning() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Starts the server again on the same data directory and port if it died, so that the service's
     * connections find it where they left it. Answers whether it had to.
     */
    public synchronized boolean restartIfDead() {
        if (isRunning()) {
            return false;
        }
        int port = postgres.getPort();
        try {
            postgres.close();
        } catch (IOException | RuntimeException alreadyGone) {
            // pg_ctl cannot stop a server that is not there; nothing else to clean up.
        }
        try {
            postgres = builder(dataDirectory, durable, password).setPort(port).start();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * Watches the server from a daemon thread and restarts it when it dies; after {@code attempts}
     * failed restarts in a row, runs {@code giveUp} (Main exits, for a supervisor to start a new process).
     */
    public void keepAlive(Duration interval, int attempts, Runnable giveUp) {
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-postgres-watch");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger failures = new AtomicInteger();
        watch.scheduleWithFixedDelay(() -> {
            try {
                if (restartIfDead()) {
                    System.err.println("The embedded PostgreSQL had stopped; started it again on port " + port());
                }
                failures.set(0);
            } catch (RuntimeException e) {
                System.err.println("Could not restart the embedded PostgreSQL: " + e.getMessage());
                if (failures.incrementAndGet() >= attempts) {
                    watch.shutdown();
                    giveUp.run();
                }
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a server that keeps its data in {@code dataDirectory} across restarts and writes every
     * acknowledged commit to disk before answering.
     */
    public static EmbeddedDatabase durable(Path dataDirectory) {
        return start(dataDirectory, true);
    }

    /** Starts a throw-away server for tests: fsync and synchronous commit stay off for speed. */
    public static EmbeddedDatabase ephemeral(Path dataDirectory) {
        return start(dataDirectory, false);
    }

    private static EmbeddedDatabase start(Path dataDirectory, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            stopServerLeftRunning(dataDirectory);
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : newPassword();
            EmbeddedDatabase database = new EmbeddedDatabase(builder(dataDirectory, durable, password).start(), dataDirectory,
                    password, durable);
            database.requirePassword(passwordFile);
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The password of {@link #USER}. */
    public String password() {
        return password;
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Makes the server refuse any connection without the password: a new data directory comes from
     * initdb trusting every local connection, and so do those made before Vigie required a password.
     * The password is stored first, readable by its owner only, so that a failure in between never
     * leaves a server nobody can enter.
     */
    private void requirePassword(Path passwordFile) throws IOException {
        if (!Files.exists(passwordFile)) {
            Files.writeString(passwordFile, password + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // The password is base64url: nothing in it needs quoting.
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(PASSWORD_ONLY)) {
                Files.writeString(hba, PASSWORD_ONLY);
                statement.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require a password on the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Reads a server setting, e.g. {@code fsync}. */
    public String setting(String name) {
        try (Connection connection = postgres.getDatabase(USER, DATABASE).getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read setting " + name, e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    /**
     * pg_ctl runs postgres as a daemon, so a JVM killed with SIGKILL leaves it running and holding
     * the data directory. Stop such a server before starting ours, but only if its postmaster.pid
     * names this very directory.
     */
    private static void stopServerLeftRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return;
        }
        Optional<ProcessHandle> leftRunning;
        try {
            leftRunning = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return;
        }
        Path ownDirectory = dataDirectory.toRealPath();
        boolean sameDirectory = Files.exists(Path.of(lines.get(1).trim()))
                && Path.of(lines.get(1).trim()).toRealPath().equals(ownDirectory);
        if (leftRunning.isEmpty() || !leftRunning.get().isAlive() || !sameDirectory) {
            return;
        }
        ProcessHandle postmaster = leftRunning.get();
        System.err.println("Stopping a PostgreSQL left running on " + ownDirectory + " (pid " + postmaster.pid() + ")");
        postmaster.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("A PostgreSQL (pid " + postmaster.pid() + ") still runs on "
                    + ownDirectory + "; stop it and start again", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
