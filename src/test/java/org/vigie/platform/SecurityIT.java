package org.vigie.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Authentication of the packaged application, started from target/quarkus-app in prod mode. */
@QuarkusIntegrationTest
class SecurityIT extends SecurityTest {
}
