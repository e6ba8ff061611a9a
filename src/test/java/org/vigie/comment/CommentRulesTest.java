package org.vigie.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Comments posted through the public API get the status the shipped rules give them; moderators see why. */
@QuarkusTest
class CommentRulesTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    private static long post(String key, String ip, String email, String name, String body, String publicStatus) {
        return Api.reader(ip).body(Api.comment(name, email, body)).post(THREAD, key)
                .then().statusCode(201)
                .body("status", equalTo(publicStatus))
                .body(not(containsString("REJECTED")))
                .extract().jsonPath().getLong("id");
    }

    private static long post(String key, String body, String publicStatus) {
        return post(key, Api.newClientIp(), Api.newEmail(), "Lectrice", body, publicStatus);
    }

    private static JsonPath asModerator(long id) {
        return Api.admin().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static String decidingRule(JsonPath item) {
        return item.getString("matches.find { it.decisive }.ruleId");
    }

    @Test
    void aSlurIsRejectedButThePublicAnswerSaysPending() {
        String key = Api.newArticleKey("rules-insult");
        long id = post(key, "Espèce de b0ugn*ule !", "PENDING");
        JsonPath item = asModerator(id);
        assertEquals("REJECTED", item.getString("status"));
        assertEquals("hate", decidingRule(item));
        assertEquals("Propos haineux (hate) : « b0ugn*ule » (bougnoule)", item.getString("matches.find { it.decisive }.explanation"));
        assertEquals("bougnoule", item.getString("matches.find { it.decisive }.evidence.normalized"));
        assertEquals("hate", item.getString("matches.find { it.decisive }.evidence.grade"));
        given().get(THREAD, key).then().body("total", equalTo(0));
        given().get("/api/v1/comments/{id}", id).then().statusCode(404);
        Api.admin().queryParam("status", "REJECTED").queryParam("articleKey", key).get("/api/v1/moderation/queue")
                .then().body("items.id", hasItem((int) id));
    }

    @Test
    void anInsultingAuthorNameIsHeldToo() {
        String key = Api.newArticleKey("rules-name");
        long id = post(key, Api.newClientIp(), Api.newEmail(), "Gros Connard", "Bonjour à tous", "PENDING");
        JsonPath item = asModerator(id);
        assertEquals("PENDING", item.getString("status"));
        assertEquals("insult", decidingRule(item));
        assertEquals("authorName", item.getString("matches.find { it.decisive }.evidence.field"));
    }

    @Test
    void everydayVulgarityLinksShoutingAndJunkWaitForAModerator() {
        String key = Api.newArticleKey("rules-held");
        Map<String, String> cases = Map.of(
                "Putain, encore une hausse des impôts", "vulgar",
                "Tout est expliqué sur www.exemple-blog.fr", "links",
                "C'EST UNE HONTE, DÉMISSION DU MINISTRE !", "shouting",
                "Nooooooooooooooooon", "junk");
        cases.forEach((body, rule) -> {
            long id = post(key, body, "PENDING");
            JsonPath item = asModerator(id);
            assertEquals("PENDING", item.getString("status"), body);
            assertEquals(rule, decidingRule(item), body);
        });
        given().get(THREAD, key).then().body("total", equalTo(0));
    }

    @Test
    void innocentWordsArePublishedAtOnce() {
        String key = Api.newArticleKey("rules-innocent");
        for (String body : new String[] { "Le député a fait un calcul électoral", "Le conseil d'analyse économique",
                "Il habite Scunthorpe et boit du Cassis", "La queue devant la préfecture était longue" }) {
            post(key, body, "VISIBLE");
        }
        given().get(THREAD, key).then().body("total", equalTo(4));
    }

    @Test
    void theSameTextTwiceFromOneEmailIsHeldTheSecondTime() {
        String key = Api.newArticleKey("rules-duplicate");
        String email = Api.newEmail();
        String body = "Je ne suis pas d'accord avec cette réforme.";
        post(key, Api.newClientIp(), email, "Paul", body, "VISIBLE");
        long again = post(key, Api.newClientIp(), email, "Paul", "JE NE SUIS PAS D'ACCORD avec cette reforme !", "PENDING");
        assertEquals("duplicate", decidingRule(asModerator(again)));
        post(key, Api.newClientIp(), Api.newEmail(), "Zoé", body, "VISIBLE");
    }

    @Test
    void theSixthCommentInTenMinutesFromOneAddressIsHeld() {
        String key = Api.newArticleKey("rules-flood");
        String ip = Api.newClientIp();
        for (int i = 1; i <= 5; i++) {
            post(key, ip, Api.newEmail(), "Lecteur", "Commentaire numéro " + i + " sur ce sujet", "VISIBLE");
        }
        long sixth = post(key, ip, Api.newEmail(), "Lecteur", "Commentaire numéro 6 sur ce sujet", "PENDING");
        assertEquals("flood", decidingRule(asModerator(sixth)));
    }

    @Test
    void aLinkToASpamDomainIsRejected() {
        long id = post(Api.newArticleKey("rules-spam"), "Gagnez gros sur https://100dollars-seo.com/promo", "PENDING");
        JsonPath item = asModerator(id);
        assertEquals("REJECTED", item.getString("status"));
        assertEquals("spam-domain", decidingRule(item));
        assertEquals("100dollars-seo.com", item.getString("matches.find { it.decisive }.evidence.normalized"));
    }

    @Test
    void aFirstCommentIsOnlyRecordedByTheShadowRule() {
        long id = post(Api.newArticleKey("rules-shadow"), "Mon tout premier commentaire ici", "VISIBLE");
        JsonPath item = asModerator(id);
        assertEquals("new-author", item.getString("matches[0].ruleId"));
        assertEquals("shadow", item.getString("matches[0].mode"));
        assertEquals(false, item.getBoolean("matches[0].decisive"));
        assertEquals("default", decidingRule(item));
    }
}
