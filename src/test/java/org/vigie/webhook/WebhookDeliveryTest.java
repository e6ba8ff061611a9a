package org.vigie.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Deliveries: retried until a receiver takes them, logged, replayed, and made once however many dispatch. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String WEBHOOKS = "/api/v1/admin/webhooks";

    @Inject
    WebhookDispatcher dispatcher;


    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** The comments the receiver heard of. */
    private Set<Long> announced() {
        Set<Long> announced = new HashSet<>();
        receiver.received().forEach(r -> announced.add(r.json().getLong("data.comment.id")));
        return announced;
    }

    private static JsonPath log(long endpoint) {
        return Api.admin().get(WEBHOOKS + "/{id}/deliveries", endpoint).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDeliveryRefusedIsTriedAgainWithTheSameIdUntilTaken() throws Exception {
        JsonPath endpoint = receiver.register(null, "comment.created");
        long endpointId = endpoint.getLong("id");
        receiver.answer(500, 503);
        long id = Api.post(Api.newArticleKey("webhook-retry"), "Premier essai");

        await().atMost(WebhookReceiver.PATIENCE).until(() -> receiver.about("comment.created", id).size() == 3);
        List<WebhookReceiver.Received> attempts = receiver.about("comment.created", id);
        assertEquals(1, attempts.stream().map(WebhookReceiver.Received::id).distinct().count(), "one webhook-id: " + attempts);
        assertEquals(1, attempts.stream().map(WebhookReceiver.Received::body).distinct().count(), "the same body");
        for (WebhookReceiver.Received attempt : attempts) {
            assertTrue(attempt.signedWith(endpoint.getString("secret")));
        }

        await().atMost(WebhookReceiver.PATIENCE).untilAsserted(() -> assertEquals("DELIVERED", log(endpointId).getString("items[0].status")));
        JsonPath delivery = log(endpointId);
        assertEquals(1, delivery.getList("items").size());
        assertEquals(Long.parseLong(attempts.get(0).id()), delivery.getLong("items[0].eventId"));
        assertEquals("comment.created", delivery.getString("items[0].type"));
        assertEquals(3, delivery.getInt("items[0].attempts"));
        assertEquals(200, delivery.getInt("items[0].lastStatus"));
        assertNotNull(delivery.getString("items[0].deliveredAt"));
        assertNotNull(delivery.getString("items[0].createdAt"));
    }

    @Test
    void aDeliveryStillFailingIsLoggedWithItsLastAnswerAndNextAttempt() {
        long endpointId = receiver.register(null, "comment.created").getLong("id");
        receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        Api.post(Api.newArticleKey("webhook-failing"), "Refusé");

        await().atMost(WebhookReceiver.PATIENCE).untilAsserted(() -> {
            JsonPath delivery = log(endpointId);
            assertEquals("PENDING", delivery.getString("items[0].status"));
            assertTrue(delivery.getInt("items[0].attempts") >= 2);
            assertEquals(500, delivery.getInt("items[0].lastStatus"));
            assertEquals("HTTP 500", delivery.getString("items[0].lastError"));
            assertNotNull(delivery.getString("items[0].nextAttemptAt"));
        });
    }

    @Test
    void replayDeliversAnEventAgain() {
        long endpointId = receiver.register(null, "comment.created").getLong("id");
        long id = Api.post(Api.newArticleKey("webhook-replay"), "À rejouer");
        await().atMost(WebhookReceiver.PATIENCE).untilAsserted(() -> assertEquals("DELIVERED", log(endpointId).getString("items[0].status")));
        long delivery = log(endpointId).getLong("items[0].id");

        Api.admin().post(WEBHOOKS + "/{id}/deliveries/{delivery}/replay", endpointId, delivery).then()
                .statusCode(202)
                .body("id", equalTo((int) delivery))
                .body("status", equalTo("PENDING"));
        await().atMost(WebhookReceiver.PATIENCE).until(() -> receiver.about("comment.created", id).size() == 2);
        List<WebhookReceiver.Received> both = receiver.about("comment.created", id);
        assertEquals(both.get(0).id(), both.get(1).id());
        assertEquals(both.get(0).body(), both.get(1).body());
        await().atMost(WebhookReceiver.PATIENCE).untilAsserted(() -> assertEquals("DELIVERED", log(endpointId).getString("items[0].status")));
        // Another endpoint's delivery is not this one's to replay.
        Api.admin().post(WEBHOOKS + "/{id}/deliveries/{delivery}/replay", endpointId + 1000, delivery).then().statusCode(404);
    }

    @Test
    void dispatchersRunningAtOnceDeliverEachEventOnce() throws Exception {
        long endpointId = receiver.register(null, "comment.created").getLong("id");
        receiver.overlapAttempts();
        String key = Api.newArticleKey("webhook-once");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            // Readers post while three dispatchers, besides the service's own, claim and deliver.
            Future<List<Long>> posted = threads.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    ids.add(Api.post(key, "Avis numéro " + i));
                }
                return ids;
            });
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Callable<Integer> dispatching = () -> {
                    int delivered = 0;
                    while (!posted.isDone()) {
                        delivered += dispatcher.dispatch();
                    }
                    for (int i = 0; i < 10; i++) {
                        delivered += dispatcher.dispatch();
                    }
                    return delivered;
                };
                rounds.add(threads.submit(dispatching));
            }
            List<Long> ids = posted.get();
            receiver.release();
            for (Future<Integer> round : rounds) {
                round.get();
            }
            await().atMost(WebhookReceiver.PATIENCE).until(() -> announced().containsAll(ids));
            // Once every delivery is recorded as delivered, no attempt is in flight: a second one of any event,
            // claimed by another dispatcher, would have been sent before that dispatcher recorded it.
            await().atMost(WebhookReceiver.PATIENCE).until(() -> {
                JsonPath log = log(endpointId);
                return log.getList("items").size() == ids.size() && log.getList("items.status").stream().allMatch("DELIVERED"::equals);
            });
            Map<String, Long> perId = receiver.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
            assertEquals(ids.size(), perId.size(), "one event per comment");
            assertEquals(Map.of(), perId.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "events delivered more than once");
        } finally {
            threads.shutdownNow();
        }
    }
}
