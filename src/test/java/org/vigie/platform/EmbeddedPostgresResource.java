package org.vigie.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Gives every {@code @QuarkusTest} a real PostgreSQL 17: an embedded one in a temporary directory,
 * unless QUARKUS_DATASOURCE_JDBC_URL points the tests at a server of your own.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        String configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (configured != null && !configured.isBlank()) {
            return Map.of();
        }
        try {
            database = EmbeddedDatabase.ephemeral(Files.createTempDirectory("vigie-test-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
