package org.vigie.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.moderation.AuthorFacts;
import org.vigie.moderation.AuthorRecord;
import org.vigie.moderation.AuthorRecords;
import org.vigie.rules.Submission;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Authors' records, one at a time and in batches, and the export of an author with several comments. */
@QuarkusTest
class AuthorRecordsTest {

    @Inject
    AuthorService authors;

    @Inject
    AuthorRecords records;

    @Test
    void recordsCountAsFactsDo() {
        String key = Api.newArticleKey("records");
        String jeanne = Api.newEmail();
        String paul = Api.newEmail();
        long rejected = Api.post(key, Api.comment("Jeanne", jeanne, "Premier avis"));
        Api.post(key, Api.comment("Jeanne", jeanne.toUpperCase(), "Deuxième avis"));
        Api.decide(rejected, "REJECT");
        Api.post(key, Api.comment("Paul", paul, "Un autre avis"));

        Map<String, AuthorRecord> found = records.records(Arrays.asList(jeanne.toUpperCase(), paul, null, "personne@example.org"));
        assertEquals(Map.of(jeanne, new AuthorRecord(1, 1, 0), paul, new AuthorRecord(1, 0, 0)), found);
        Submission.AuthorFacts facts = records.facts(jeanne, null).record();
        assertEquals(new AuthorRecord(facts.approved(), facts.rejected(), facts.pending()), found.get(jeanne));
        assertEquals(Map.of(), records.records(List.of()));

        Submission.AuthorFacts nobody = records.facts(null, null).record();
        assertEquals(Submission.AuthorFacts.UNKNOWN, nobody);
        assertFalse(records.facts(null, null).ban().isPresent());
    }

    @Test
    void factsNameTheOldestActiveBanOnTheEmailOrAddress() {
        String email = Api.newEmail();
        Api.admin().body(Map.of("email", email, "reason", "Premier")).post("/api/v1/moderation/bans").then().statusCode(201);
        Api.admin().body(Map.of("email", email, "reason", "Second")).post("/api/v1/moderation/bans").then().statusCode(201);
        AuthorFacts facts = records.facts(email.toUpperCase(), "no-such-hash");
        assertTrue(facts.record().banned());
        assertEquals("Premier", facts.ban().orElseThrow().reason());
        assertNull(facts.ban().orElseThrow().until());
        assertTrue(authors.profile(email).banned());
    }

    @Test
    void anExportKeepsEachCommentsReportsAndHistoryWithIt() {
        String key = Api.newArticleKey("export-many");
        String email = Api.newEmail();
        long first = Api.post(key, Api.comment("Jeanne", email, "Premier avis"));
        long second = Api.post(key, Api.comment("Jeanne", email, "Second avis"));
        Api.reader().body(Map.of("reason", "SPAM", "details", "sur le second")).post("/api/v1/comments/{id}/reports", second)
                .then().statusCode(202);
        Api.reader().body(Map.of("reason", "OTHER", "details", "sur le premier")).post("/api/v1/comments/{id}/reports", first)
                .then().statusCode(202);
        Api.reader().body(Map.of("reason", "ABUSE", "details", "encore le premier")).post("/api/v1/comments/{id}/reports", first)
                .then().statusCode(202);
        Api.decide(second, "REJECT");

        JsonPath export = Api.admin().get("/api/v1/admin/authors/{email}/export", email).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of((int) first, (int) second), export.getList("comments.id"));
        assertEquals(List.of(key, key), export.getList("comments.articleKey"));
        assertEquals(List.of("sur le premier", "encore le premier"), export.getList("comments[0].reports.details"));
        assertEquals(List.of("sur le second"), export.getList("comments[1].reports.details"));
        assertEquals(List.of("POST"), export.getList("comments[0].history.action"));
        assertEquals(List.of("POST", "REJECT"), export.getList("comments[1].history.action"));
        assertFalse(export.getBoolean("premoderated"));
        assertEquals(List.of(), export.getList("bans"));
    }
}
