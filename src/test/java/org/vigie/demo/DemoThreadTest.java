package org.vigie.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.vigie.Api;

/** The demo article integrators load in their CI: a realistic thread, made through the rules. */
@QuarkusTest
class DemoThreadTest {

    @Test
    void anAdminLoadsTheDemoThreadOnceAndReadersSeeIt() {
        JsonPath loaded = Api.admin().post("/api/v1/admin/demo").then().statusCode(201)
                .body("articleKey", equalTo(DemoThread.ARTICLE)).body("created", equalTo(true)).extract().jsonPath();
        List<Map<String, Object>> comments = loaded.getList("comments");
        assertEquals(8, comments.size(), comments.toString());
        long held = id(comments, "held");
        long reported = id(comments, "reported");
        assertEquals("PENDING", status(comments, "held"), "the rules hold the comment with a link");
        assertTrue(comments.stream().filter(c -> !c.get("role").equals("held")).allMatch(c -> c.get("status").equals("VISIBLE")),
                comments.toString());

        // Readers see the visible comments and their replies, not the held one.
        JsonPath thread = given().get("/api/v1/articles/{key}/comments?sort=oldest", DemoThread.ARTICLE).then().statusCode(200)
                .body("total", equalTo(7)).body("items.id", not(hasItem((int) held))).extract().jsonPath();
        assertEquals(List.of(2, 1, 0, 0), thread.getList("items.replyCount"));
        // Moderators find the held comment among the pending, the reported one among the reported.
        Api.admin().get("/api/v1/moderation/queue?status=PENDING&articleKey={key}", DemoThread.ARTICLE).then().statusCode(200)
                .body("items.id", hasItem((int) held));
        Api.admin().get("/api/v1/moderation/queue?status=REPORTED&articleKey={key}", DemoThread.ARTICLE).then().statusCode(200)
                .body("items.id", hasItem((int) reported));

        // Loaded once: a second call changes nothing.
        Api.admin().post("/api/v1/admin/demo").then().statusCode(200).body("created", equalTo(false));
        given().get("/api/v1/articles/{key}/comments", DemoThread.ARTICLE).then().body("total", equalTo(7));
    }

    @Test
    void onlyAnAdminLoadsIt() {
        given().post("/api/v1/admin/demo").then().statusCode(401);
    }

    private static long id(List<Map<String, Object>> comments, String role) {
        return comments.stream().filter(c -> c.get("role").equals(role)).map(c -> ((Number) c.get("id")).longValue())
                .findFirst().orElseThrow();
    }

    private static String status(List<Map<String, Object>> comments, String role) {
        return comments.stream().filter(c -> c.get("role").equals(role)).map(c -> (String) c.get("status")).findFirst().orElseThrow();
    }
}
