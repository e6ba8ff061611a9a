package org.vigie.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.vigie.Api;

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
        // Given to @QuarkusTest and to the packaged application of the *IT tests alike.
        Map<String, String> config = new HashMap<>();
        config.put("vigie.admin.password", Api.ADMIN_PASSWORD);
        // Tests play many readers at once: each sends its own address in X-Forwarded-For, as a trusted
        // reverse proxy would, so that rate limits don't leak from one test to another.
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("quarkus.http.proxy.allow-x-forwarded", "true");
        // 192.0.2.0/24 stands for a second proxy in front of the first (HostileRequestsTest). An IPv6 address
        // goes in brackets: Quarkus would take "::1" for a host name and look it up on every request.
        config.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1,[::1],192.0.2.0/24");

        String configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (configured == null || configured.isBlank()) {
            try {
                database = EmbeddedDatabase.ephemeral(Files.createTempDirectory("vigie-test-pg"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", EmbeddedDatabase.USER);
            config.put("quarkus.datasource.password", database.password());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
