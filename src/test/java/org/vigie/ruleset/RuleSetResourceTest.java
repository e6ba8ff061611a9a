package org.vigie.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Admins change the rules live; moderators read and try them. The shipped rules are put back after each test. */
@QuarkusTest
class RuleSetResourceTest {

    private static final String RULES = "/api/v1/moderation/rules";
    private static final String THREAD = "/api/v1/articles/{key}/comments";
    private static final String MODERATOR_PASSWORD = "moderator passphrase";

    /** Fruit words no other test writes, so these rules touch nothing else. */
    private static final String FRUIT_RULES = """
            lists:
              held: [banane]
              refused: [kiwi]
              flagged: [pamplemousse]
            rules:
              - id: held-fruit
                when: { text: { list: held } }
                action: hold
                explain: "Fruit à vérifier : « {match.original} »"
              - id: refused-fruit
                priority: 10
                when: { text: { list: refused } }
                action: reject
                explain: "Fruit interdit : « {match.original} »"
              - id: flagged-fruit
                when: { text: { list: flagged } }
                action: flag
                explain: "Fruit signalé : « {match.original} »"
            tests:
              - rule: refused-fruit
                match: ["Un KIWI", "des k1w1s"]
                noMatch: ["Le kiwiano"]
            """;

    @Inject
    Database database;

    @Inject
    RuleSetService ruleSets;

    private String moderator;
    private String defaults;

    @BeforeEach
    void setUp() {
        moderator = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        Api.admin().body(Map.of("username", moderator, "password", MODERATOR_PASSWORD, "role", "moderator"))
                .post("/api/v1/admin/moderators").then().statusCode(201);
        defaults = RuleSetService.shippedDefaults();
    }

    @AfterEach
    void putTheShippedRulesBack() {
        yaml().body(defaults).put(RULES).then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification yaml() {
        return given().config(YAML_AS_TEXT).auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD)
                .contentType("application/yaml; charset=UTF-8");
    }

    private static final io.restassured.config.RestAssuredConfig YAML_AS_TEXT = io.restassured.RestAssured.config()
            .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/yaml", ContentType.TEXT));

    private int currentVersion() {
        return Api.admin().get(RULES).then().statusCode(200).extract().path("version");
    }

    @Test
    void moderatorsReadTheRulesInForce() {
        Api.as(moderator, MODERATOR_PASSWORD).get(RULES).then().statusCode(200)
                .body("version", greaterThan(0))
                .body("current", equalTo(true))
                .body("rules", greaterThan(5))
                .body("document", containsString("id: insult"));
    }

    @Test
    void onlyAdminsChangeTheRules() {
        int before = currentVersion();
        Api.as(moderator, MODERATOR_PASSWORD).config(YAML_AS_TEXT).contentType("application/yaml; charset=UTF-8").body(FRUIT_RULES).put(RULES)
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(moderator, MODERATOR_PASSWORD).post(RULES + "/versions/{v}/restore", before).then().statusCode(403);
        assertEquals(before, currentVersion());
    }

    @Test
    void aNewRuleSetIsInForceAtOnceAndCommentsGetItsStatus() {
        int before = currentVersion();
        yaml().body(FRUIT_RULES).put(RULES).then().statusCode(200)
                .body("version", equalTo(before + 1))
                .body("rules", equalTo(3))
                .body("tests", equalTo(3))
                .body("createdBy", equalTo("admin"))
                .body("current", equalTo(true));

        String key = Api.newArticleKey("fruits");
        long visible = Api.post(key, "Une pomme");
        long held = postExpecting(key, "Une BANANE bien mûre", "PENDING");
        long rejected = postExpecting(key, "Un k1w1 !", "PENDING");
        long flagged = postExpecting(key, "Un pamplemousse", "VISIBLE");

        given().get(THREAD, key).then()
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder((int) visible, (int) flagged))
                .body(not(containsString("matches")))
                .body(not(containsString("Fruit")));
        given().get("/api/v1/comments/{id}", rejected).then().statusCode(404);

        JsonPath rejectedItem = Api.admin().get("/api/v1/moderation/comments/{id}", rejected).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("REJECTED", rejectedItem.getString("status"));
        assertEquals(before + 1, rejectedItem.getInt("ruleSetVersion"));
        assertEquals("refused-fruit", rejectedItem.getString("matches[0].ruleId"));
        assertEquals("reject", rejectedItem.getString("matches[0].action"));
        assertEquals("enforce", rejectedItem.getString("matches[0].mode"));
        assertEquals(true, rejectedItem.getBoolean("matches[0].decisive"));
        assertEquals("Fruit interdit : « k1w1 »", rejectedItem.getString("matches[0].explanation"));
        assertEquals(Map.of("field", "body", "original", "k1w1", "normalized", "kiwi", "start", 3, "end", 7),
                rejectedItem.getMap("matches[0].evidence"));

        Api.admin().queryParam("articleKey", key).get("/api/v1/moderation/queue").then()
                .body("items.id", org.hamcrest.Matchers.contains((int) held))
                .body("items[0].matches[0].evidence.original", equalTo("BANANE"));
        Api.admin().queryParam("status", "FLAGGED").queryParam("articleKey", key).get("/api/v1/moderation/queue").then()
                .body("items.id", org.hamcrest.Matchers.contains((int) flagged))
                .body("items[0].flagged", equalTo(true));
        Api.decide(flagged, "REJECT");
        Api.admin().queryParam("status", "FLAGGED").queryParam("articleKey", key).get("/api/v1/moderation/queue").then()
                .body("total", equalTo(0));
    }

    private long postExpecting(String key, String body, String publicStatus) {
        return Api.reader().body(Api.comment("Lectrice", Api.newEmail(), body)).post(THREAD, key)
                .then().statusCode(201).body("status", equalTo(publicStatus))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void jsonRuleSetsAreAcceptedToo() {
        int before = currentVersion();
        Api.admin().contentType(ContentType.JSON)
                .body("{\"lists\":{\"l\":[\"banane\"]},\"rules\":[{\"id\":\"j\",\"when\":{\"text\":{\"list\":\"l\"}},\"action\":\"hold\"}]}")
                .put(RULES).then().statusCode(200).body("version", equalTo(before + 1));
    }

    @Test
    void anInvalidRuleSetIsRefusedWithEveryErrorAndChangesNothing() {
        int before = currentVersion();
        yaml().body("""
                lists: { l: [banane] }
                rules:
                  - id: a
                    when: { text: { list: missing } }
                    action: delete
                  - id: b
                    when: { regex: { pattern: 'a(' } }
                    action: hold
                  - id: c
                    when: { text: { list: l } }
                    action: hold
                tests:
                  - rule: c
                    match: ["rien"]
                """).put(RULES).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:invalid-rule-set"))
                .body("errors.field", org.hamcrest.Matchers.contains("rules[0].when.text.list", "rules[0].action",
                        "rules[1].when.regex.pattern"))
                .body("errors[0].message", containsString("unknown list 'missing'"));
        yaml().body("rules: [ { id: a").put(RULES).then().statusCode(422)
                .body("errors[0].message", containsString("not valid YAML or JSON"));
        yaml().body("rules: [ { id: bomb, when: { regex: { pattern: '((((a{1000}){1000}){1000}){1000})' } }, action: hold } ]")
                .put(RULES).then().statusCode(422)
                .body("errors[0].field", equalTo("rules[0].when.regex.pattern"));
        Api.admin().body(Map.of("body", "x", "rules",
                "rules: [ { id: slow, when: { regex: { pattern: '(?:[a-z ]{1,300}){1,300}z' } }, action: hold } ]"))
                .post(RULES + "/dry-run").then().statusCode(422)
                .body("errors[0].field", equalTo("rules[0].when.regex.pattern"));
        yaml().body("""
                lists: { l: [banane] }
                rules: [ { id: c, when: { text: { list: l } }, action: hold } ]
                tests: [ { rule: c, match: ["rien"], noMatch: ["banane"] } ]
                """).put(RULES).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("tests[0].match[0]", "tests[0].noMatch[0]"));
        assertEquals(before, currentVersion());
    }

    @Test
    void versionsAreKeptAndAnyCanBeRestored() {
        int before = currentVersion();
        yaml().body(FRUIT_RULES).put(RULES).then().statusCode(200);
        Api.admin().get(RULES + "/versions").then().statusCode(200)
                .body("[0].version", equalTo(before + 1))
                .body("[0].current", equalTo(true))
                .body("[0].document", nullValue())
                .body("version", hasItem(before));
        Api.admin().get(RULES + "/versions/{v}", before).then().statusCode(200)
                .body("current", equalTo(false))
                .body("document", notNullValue());

        Api.admin().post(RULES + "/versions/{v}/restore", before).then().statusCode(200)
                .body("version", equalTo(before + 2))
                .body("restoredFrom", equalTo(before))
                .body("current", equalTo(true));
        String key = Api.newArticleKey("restored");
        postExpecting(key, "Une banane", "VISIBLE");

        Api.admin().get(RULES + "/versions/{v}", 99_999).then().statusCode(404);
        Api.admin().post(RULES + "/versions/{v}/restore", 99_999).then().statusCode(404);
    }

    @Test
    void dryRunsShowWhatTheRulesWouldDoAndStoreNothing() {
        long comments = database.count("SELECT count(*) FROM comment");
        int version = currentVersion();
        Api.as(moderator, MODERATOR_PASSWORD).body(Map.of("body", "Espèce de c0nn4rd, va sur pharmacie-discount.com"))
                .post(RULES + "/dry-run").then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("ruleSetVersion", equalTo(version))
                .body("matches.ruleId", hasItem("insult"))
                .body("matches.find { it.ruleId == 'insult' }.evidence.original", equalTo("c0nn4rd"))
                .body("matches.find { it.ruleId == 'insult' }.evidence.normalized", equalTo("connard"))
                .body("matches.find { it.ruleId == 'links' }.evidence.normalized", equalTo("pharmacie-discount.com"));

        Api.as(moderator, MODERATOR_PASSWORD).body(Map.of("body", "Une banane", "rules", FRUIT_RULES))
                .post(RULES + "/dry-run").then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("ruleSetVersion", nullValue())
                .body("matches[0].ruleId", equalTo("held-fruit"));
        Api.as(moderator, MODERATOR_PASSWORD).body(Map.of("body", "x", "rules", "rules: [ { id: a } ]"))
                .post(RULES + "/dry-run").then().statusCode(422)
                .body("errors.field", hasItem("rules[0].when"));
        Api.as(moderator, MODERATOR_PASSWORD).body(Map.of("authorName", "x"))
                .post(RULES + "/dry-run").then().statusCode(400).body("errors[0].field", equalTo("body"));

        assertEquals(comments, database.count("SELECT count(*) FROM comment"), "dry runs store nothing");
        assertEquals(version, currentVersion());
    }

    @Test
    void dryRunsReadTheAuthorsRecordAndTheArticle() {
        String key = Api.newArticleKey("dry-article");
        Api.configure(key, Map.of("premoderated", true));
        Api.admin().body(Map.of("body", "Bonjour", "articleKey", key)).post(RULES + "/dry-run").then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("matches.find { it.decisive }.ruleId", equalTo("article.premoderated"));
        String email = Api.newEmail();
        Api.admin().body(Map.of("body", "Bonjour", "authorEmail", email)).post(RULES + "/dry-run").then()
                .body("matches.ruleId", hasItem("new-author"));
        Api.post(Api.newArticleKey("dry-history"), Api.comment("A", email, "Un premier avis"));
        Api.admin().body(Map.of("body", "Un premier avis", "authorEmail", email)).post(RULES + "/dry-run").then()
                .body("status", equalTo("PENDING"))
                .body("matches.ruleId", hasItem("duplicate"))
                .body("matches.ruleId", not(hasItem("new-author")));
    }

    @Test
    void aVersionStoredByAnotherInstanceIsInForceAtTheNextCheck() {
        int before = currentVersion();
        // Another instance writes the table; this one must notice on its own, at its next check.
        database.update("INSERT INTO rule_set (version, document, rules, tests, created_by, created_at)"
                + " VALUES (?, ?, 3, 3, 'other', now())", before + 1, FRUIT_RULES);
        ruleSets.refresh();
        assertEquals("PENDING", Api.admin().body(Map.of("body", "Une banane")).post(RULES + "/dry-run").then()
                .statusCode(200).extract().path("status"));
        assertEquals(before + 1, currentVersion());
        assertTrue(RuleSetService.POLL_MILLIS < 1_000, "every instance checks more than once a second");
    }

    @Test
    void aReportRuleWithReopenHidesEvenACommentAModeratorApproved() {
        yaml().body("""
                rules:
                  - id: reported-hard
                    on: report
                    when: { reports: { reportersAtLeast: 1 } }
                    action: hold
                    reopen: true
                    explain: Signalé
                """).put(RULES).then().statusCode(200);
        String key = Api.newArticleKey("reopen");
        long id = Api.post(key, "Approuvé puis signalé");
        Api.decide(id, "APPROVE");
        Api.reader().body(Map.of("reason", "ABUSE")).post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        assertEquals("PENDING", database.single("SELECT status FROM comment WHERE id = ?", id));
    }

    @Test
    void everyMatchIsShownToModeratorsAndNoneToReaders() {
        String key = Api.newArticleKey("evidence");
        long id = postExpecting(key, "Espèce de C0NNARD", "PENDING");
        Api.admin().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("matches.find { it.ruleId == 'insult' }.evidence.grade", equalTo("strong"))
                .body("matches.ruleId", hasItem("insult"))
                .body("matches.find { it.ruleId == 'insult' }.evidence.field", equalTo("body"))
                .body("matches.find { it.ruleId == 'insult' }.evidence.original", equalTo("C0NNARD"));
        given().get("/api/v1/comments/{id}", id).then().statusCode(404);
    }
}
