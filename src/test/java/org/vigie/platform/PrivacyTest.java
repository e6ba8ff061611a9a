package org.vigie.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;
import org.vigie.LogCapture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An author's email and address never leave the service, neither in a public answer nor in a log line. */
@QuarkusTest
class PrivacyTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    @Inject
    Database database;

    @Test
    void emailAndAddressNeverAppearInPublicResponsesNorLogs() {
        String email = "secret-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String ip = Api.newClientIp();
        String key = Api.newArticleKey("privacy");
        List<Response> responses = new ArrayList<>();

        LogCapture logs = LogCapture.start();
        try {
            Response posted = Api.reader(ip).body(Api.comment("Anonyme", email, "Mon commentaire")).post(THREAD, key);
            responses.add(posted);
            long id = posted.then().statusCode(201).extract().jsonPath().getLong("id");
            responses.add(Api.reader(ip).body(Api.reply("Anonyme", email, "Ma réponse", id)).post(THREAD, key));
            responses.add(Api.reader(ip).body(Api.reply("Anonyme", email, "Orpheline", Long.MAX_VALUE - 1)).post(THREAD, key));
            responses.add(Api.reader(ip).body(Api.comment("", email, "")).post(THREAD, key));
            responses.add(Api.reader(ip).body("{\"authorName\":\"A\",\"authorEmail\":\"" + email + "\",\"body\":").post(THREAD, key));
            responses.add(Api.reader(ip).body(Map.of("authorName", "A", "authorEmail", email, "body", "x", "parentId", "x"))
                    .post(THREAD, key));
            responses.add(given().get(THREAD, key));
            responses.add(given().queryParam("sort", "oldest").get(THREAD, key));
            responses.add(given().get("/api/v1/comments/{id}", id));
            responses.add(given().queryParam("keys", key).get("/api/v1/articles/counts"));
            responses.add(given().queryParam("days", 1).queryParam("limit", 100).get("/api/v1/articles/most-commented"));
            Api.configure(key, Map.of("open", false));
            responses.add(Api.reader(ip).body(Api.comment("Anonyme", email, "fermé")).post(THREAD, key));
            // Moderators do see the email; that is their job, and it must not be logged either.
            Api.admin().queryParam("articleKey", key).queryParam("status", "VISIBLE").get("/api/v1/moderation/queue")
                    .then().statusCode(200).body(org.hamcrest.Matchers.containsString(email));
            Logger.getLogger("org.vigie").info("privacy canary");
        } finally {
            logs.stop();
        }

        for (Response response : responses) {
            String everything = response.getHeaders().toString() + "\n" + response.asString();
            assertFalse(everything.contains(email), "email in a public response: " + everything);
            assertFalse(everything.contains(ip), "address in a public response: " + everything);
        }
        assertTrue(logs.text().contains("privacy canary"), "logs were captured");
        assertFalse(logs.text().contains(email), "email in the logs:\n" + logs.text());
        assertFalse(logs.text().contains(ip), "address in the logs:\n" + logs.text());
    }

    @Test
    void addressIsStoredOnlyAsAKeyedHash() throws Exception {
        String ip = Api.newClientIp();
        String key = Api.newArticleKey("hash");
        long first = Api.reader(ip).body(Api.comment("A", Api.newEmail(), "un")).post(THREAD, key)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long second = Api.reader(ip).body(Api.comment("A", Api.newEmail(), "deux")).post(THREAD, key)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long other = Api.reader(Api.newClientIp()).body(Api.comment("B", Api.newEmail(), "trois")).post(THREAD, key)
                .then().statusCode(201).extract().jsonPath().getLong("id");

        String hash = (String) database.single("SELECT ip_hash FROM comment WHERE id = ?", first);
        assertEquals(hmac(InetAddress.getByName(ip).getAddress()), hash, "HMAC-SHA256 of the address, keyed by the secret");
        assertEquals(hash, database.single("SELECT ip_hash FROM comment WHERE id = ?", second), "same reader, same hash");
        assertFalse(hash.equals(database.single("SELECT ip_hash FROM comment WHERE id = ?", other)));
    }

    @Test
    void ipv6AddressesOfOneSubscriberShareAHash() {
        String key = Api.newArticleKey("ipv6");
        String prefix = "2001:db8:" + Integer.toHexString(1 + (int) (Math.random() * 0xfffe)) + ":42:";
        long a = Api.reader(prefix + "1:2:3:4").body(Api.comment("A", Api.newEmail(), "a")).post(THREAD, key)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long b = Api.reader(prefix + "ffff:1:1:9").body(Api.comment("A", Api.newEmail(), "b")).post(THREAD, key)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long elsewhere = Api.reader("2001:db8:ffff:43::1").body(Api.comment("A", Api.newEmail(), "c")).post(THREAD, key)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Object hash = database.single("SELECT ip_hash FROM comment WHERE id = ?", a);
        assertEquals(hash, database.single("SELECT ip_hash FROM comment WHERE id = ?", b), "same /64, same hash");
        assertFalse(hash.equals(database.single("SELECT ip_hash FROM comment WHERE id = ?", elsewhere)),
                "another /64, another hash");
    }

    /** The hash Vigie should store: HMAC-SHA256 keyed by the generated secret, first 16 bytes in hex. */
    private String hmac(byte[] address) throws Exception {
        String secret = (String) database.single("SELECT value FROM vigie_setting WHERE name = 'ip-hash-secret'");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(address), 0, 16);
    }
}
