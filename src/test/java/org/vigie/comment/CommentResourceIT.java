package org.vigie.comment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The thread API of the packaged application, started from target/quarkus-app in prod mode. */
@QuarkusIntegrationTest
class CommentResourceIT extends CommentResourceTest {
}
