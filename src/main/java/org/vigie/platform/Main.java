package org.vigie.platform;

import java.nio.file.Path;
import java.time.Duration;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Vigie. Without a configured datasource it first starts an embedded PostgreSQL whose data
 * lives in {@code ./data/pg} (or {@code VIGIE_EMBEDDED_DATA_DIR}), so a new user needs nothing but Java.
 */
@QuarkusMain
public class Main {

    static final String JDBC_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String JDBC_URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    public static void main(String... args) {
        // In dev mode main runs again on every live reload; the server started the first time is still
        // there and its URL is already a system property, so nothing is started twice.
        if (isBlank(System.getProperty(JDBC_URL_PROPERTY)) && isBlank(System.getenv(JDBC_URL_ENV))) {
            startEmbeddedDatabase();
        }
        Quarkus.run(args);
    }

    private static void startEmbeddedDatabase() {
        String configured = System.getenv("VIGIE_EMBEDDED_DATA_DIR");
        Path dataDirectory = Path.of(isBlank(configured) ? "data/pg" : configured).toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.durable(dataDirectory);
        // A server that dies is started again on the same port; after three failures in a row the process
        // exits, for its supervisor to start a new one.
        database.keepAlive(Duration.ofSeconds(2), 3, () -> Runtime.getRuntime().halt(3));
        // zonky registers a shutdown hook that stops the server cleanly when the JVM exits.
        System.setProperty(JDBC_URL_PROPERTY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
        System.setProperty("quarkus.datasource.password", database.password());
        System.out.println("Embedded PostgreSQL 17 at " + database.jdbcUrl() + ", data in " + dataDirectory);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
