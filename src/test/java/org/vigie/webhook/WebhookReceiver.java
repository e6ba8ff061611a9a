package org.vigie.webhook;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.vigie.Api;
import org.vigie.contract.ContractValidation;

import io.restassured.path.json.JsonPath;

/**
 * A site's service receiving Vigie's webhooks, on a free local port: it records every request and answers
 * 200, or the statuses a test asks for first. Endpoints a test registers through it are removed when it
 * closes, so no other test's changes are delivered to a receiver that is gone.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String id, String timestamp, String signature, String contentType, String body) {

        JsonPath json() {
            return JsonPath.from(body);
        }

        String type() {
            return json().getString("type");
        }

        /**
         * Whether the signature is right for this secret, checked as the Standard Webhooks specification
         * asks a receiver to: the key is the base64 after whsec_, the signed text is "{id}.{timestamp}.{body}",
         * and the header lists signatures "v1,<base64>" separated by spaces.
         */
        boolean signedWith(String secret) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8))))
                    .getBytes(StandardCharsets.UTF_8);
            boolean recent = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), Instant.now()).abs()
                    .compareTo(Duration.ofMinutes(5)) < 0;
            return recent && Arrays.stream(signature.split(" "))
                    .anyMatch(candidate -> MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), expected));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Deliveries that the contract's webhooks do not describe; closing the receiver fails on any. */
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Long> endpoints = new ArrayList<>();
    /** While set, each request is answered only once the next one arrives (or {@link #release}): attempts overlap. */
    private volatile boolean overlapping;
    private final Object arrivals = new Object();
    private long arrived;

    /** How long a test waits for a delivery. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** A receiver listening; a test closes it when it ends. */
    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (overlapping) {
                waitForTheNext();
            }
            var headers = exchange.getRequestHeaders();
            Map<String, String> sent = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> sent.put(name, values.get(0)));
            String type = JsonPath.from(body).getString("type");
            var report = ContractValidation.validateDelivery(type, sent, body);
            if (report.hasErrors()) {
                violations.add(type + " delivery the contract does not describe:\n  " + ContractValidation.errors(report)
                        + "\n  body: " + body);
            }
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("content-type"), body));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        } finally {
            exchange.close();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests get these statuses, in order; the ones after them 200. */
    void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    /**
     * Holds each request until the next one arrives, so that an attempt is still in flight while the
     * dispatchers claim the next deliveries; {@link #release} lets the held one and every later one through.
     */
    void overlapAttempts() {
        overlapping = true;
    }

    void release() {
        overlapping = false;
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    private void waitForTheNext() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (arrivals) {
            long mine = ++arrived;
            arrivals.notifyAll();
            while (overlapping && arrived == mine && System.nanoTime() < deadline) {
                arrivals.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests of this event type about this comment. */
    List<Received> about(String type, long commentId) {
        return received.stream()
                .filter(r -> r.type().equals(type) && commentId == r.json().getLong(type.startsWith("report") ? "data.commentId" : "data.comment.id"))
                .toList();
    }

    /** Registers an endpoint with this receiver's URL, as an admin; returns the answer. */
    JsonPath register(String secret, String... events) {
        Map<String, Object> request = secret == null ? Map.of("url", url(), "events", List.of(events))
                : Map.of("url", url(), "secret", secret, "events", List.of(events));
        JsonPath created = Api.admin().body(request).post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath();
        endpoints.add(created.getLong("id"));
        return created;
    }

    @Override
    public void close() {
        for (long id : endpoints) {
            given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).delete("/api/v1/admin/webhooks/{id}", id);
        }
        server.stop(0);
        threads.shutdownNow();
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n", violations));
        }
    }
}
