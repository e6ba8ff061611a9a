package org.vigie.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The contract is a file in the repository, {@code src/main/openapi/vigie.yaml}: the service serves it
 * unchanged, it documents every operation fully, every test's exchanges are held to it, and it breaks
 * nothing of the last released one, {@code src/main/openapi/released/}.
 *
 * <p>After changing an operation, write the new contract with
 * {@code ./mvnw test -Dtest=ContractTest -Dcontract.update=true} and review its diff.
 */
@QuarkusTest
class ContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path RELEASED = Path.of("src/main/openapi/released");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static JsonNode committed() throws IOException {
        return YAML.readTree(ContractValidation.CONTRACT.toFile());
    }

    @Test
    void theServiceServesTheCommittedContract() throws IOException {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("contract.update")) {
            Files.writeString(ContractValidation.CONTRACT, served, StandardCharsets.UTF_8);
        }
        List<String> differences = new ArrayList<>();
        differences(committed(), YAML.readTree(served), "", differences);
        assertTrue(differences.isEmpty(), "The service's contract differs from " + ContractValidation.CONTRACT + " at "
                + String.join(", ", differences.subList(0, Math.min(10, differences.size())))
                + ": review the change, then write it with ./mvnw test -Dtest=ContractTest -Dcontract.update=true");
        // Byte for byte too: the same contract comes out of every build, in the same order.
        assertEquals(Files.readString(ContractValidation.CONTRACT, StandardCharsets.UTF_8), served,
                "The service serves the committed contract with its parts in another order");
    }

    /** The JSON pointers where two documents differ. */
    private static void differences(JsonNode committed, JsonNode served, String at, List<String> found) {
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name) || !served.has(name)) {
                    found.add(pointer + (committed.has(name) ? " (removed)" : " (added)"));
                } else {
                    differences(committed.get(name), served.get(name), pointer, found);
                }
            }
        } else if (!committed.equals(served)) {
            found.add(at.isEmpty() ? "/" : at);
        }
    }

    @Test
    void everyOperationIsNamedTaggedDescribedAndExemplified() throws IOException {
        JsonNode contract = committed();
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields(); verbs.hasNext();) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                if (!METHODS.contains(verb.getKey())) {
                    continue;
                }
                operations++;
                String name = verb.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = verb.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isEmpty() || !ids.add(id)) {
                    missing.add(name + ": a unique operationId");
                }
                for (String field : List.of("summary", "description")) {
                    if (operation.path(field).asText("").isBlank()) {
                        missing.add(name + ": " + field);
                    }
                }
                if (operation.path("tags").isEmpty()) {
                    missing.add(name + ": a tag");
                }
                JsonNode body = operation.path("requestBody").path("content");
                if (!body.isMissingNode() && body.has("application/json")
                        && !body.get("application/json").has("example")) {
                    missing.add(name + ": an example of its request body");
                }
                JsonNode responses = operation.path("responses");
                boolean success = false;
                for (Iterator<Map.Entry<String, JsonNode>> codes = responses.fields(); codes.hasNext();) {
                    Map.Entry<String, JsonNode> code = codes.next();
                    JsonNode response = code.getValue();
                    if (code.getKey().startsWith("2")) {
                        success = true;
                        if (!code.getKey().equals("204") && !response.has("content")) {
                            missing.add(name + ": the body of its " + code.getKey());
                        }
                    } else if (code.getKey().startsWith("4") || code.getKey().startsWith("5")) {
                        String ref = response.path("$ref").asText("");
                        JsonNode content = ref.isEmpty() ? response.path("content")
                                : contract.at("/components/responses/" + ref.substring(ref.lastIndexOf('/') + 1) + "/content");
                        if (!content.has("application/problem+json")) {
                            missing.add(name + ": its " + code.getKey() + " as a problem");
                        }
                    }
                }
                if (!success) {
                    missing.add(name + ": a success response");
                }
                boolean secured = operation.has("security") && !operation.get("security").isEmpty();
                if (secured && !(responses.has("401") && responses.has("403") && operation.has("x-roles"))) {
                    missing.add(name + ": 401, 403 and its roles");
                }
            }
        }
        assertTrue(operations >= 33, "operations in the contract: " + operations);
        assertTrue(missing.isEmpty(), "The contract lacks:\n  " + String.join("\n  ", missing));
    }

    @Test
    void everyTestExchangeIsHeldToTheContract() {
        given().get("/api/v1/articles/counts?keys=a").then().statusCode(200);
        assertTrue(RestAssured.filters().stream().anyMatch(f -> f.getClass().getEnclosingClass() == ContractValidation.class),
                "the contract's filter is installed for every test");
    }

    @Test
    void aResponseTheContractDoesNotDescribeIsCaught() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(Contract30.of(ContractValidation.CONTRACT)).build();
        ValidationReport wrongField = validator.validateResponse("/api/v1/comments/1", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody("{\"id\":\"one\"}").build());
        assertTrue(wrongField.hasErrors(), "a string id is not a comment");
        ValidationReport undocumentedStatus = validator.validateResponse("/api/v1/comments/1", Request.Method.GET,
                SimpleResponse.Builder.status(418).withContentType("application/json").withBody("{}").build());
        assertTrue(undocumentedStatus.hasErrors(), "418 is not a status getComment answers");
        ValidationReport notAProblem = validator.validateResponse("/api/v1/comments/1", Request.Method.GET,
                SimpleResponse.Builder.status(404).withContentType("text/html").withBody("<h1>Not found</h1>").build());
        assertTrue(notAProblem.hasErrors(), "a 404 is a problem document");
    }

    @Test
    void aWebhookDeliveryTheContractDoesNotDescribeIsCaught() {
        Map<String, String> signed = Map.of("webhook-id", "1", "webhook-timestamp", "1767225600", "webhook-signature", "v1,abc=",
                "content-type", "application/json");
        String comment = "{\"id\":1,\"articleKey\":\"a\",\"parentId\":null,\"authorName\":\"A\",\"body\":\"B\","
                + "\"status\":\"VISIBLE\",\"createdAt\":\"2026-01-01T00:00:00Z\"}";
        String delivery = "{\"type\":\"comment.created\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"comment\":" + comment
                + ",\"change\":{\"to\":\"VISIBLE\",\"actorKind\":\"RULE\"}}}";
        assertFalse(ContractValidation.validateDelivery("comment.created", signed, delivery).hasErrors(),
                () -> ContractValidation.errors(ContractValidation.validateDelivery("comment.created", signed, delivery)));
        assertTrue(ContractValidation.validateDelivery("comment.created", signed, delivery.replace("\"id\":1", "\"id\":\"one\""))
                .hasErrors(), "a string id is not a comment's");
        assertTrue(ContractValidation.validateDelivery("comment.created", Map.of("content-type", "application/json"), delivery)
                .hasErrors(), "a delivery is signed");
        assertTrue(ContractValidation.validateDelivery("report.created", signed, delivery).hasErrors(),
                "a comment.created body is not a report.created one");
    }

    @Test
    void nothingOfTheLastReleasedContractIsBroken() throws IOException {
        Path released = lastReleased();
        List<String> breaking = breakingChanges(released, ContractValidation.CONTRACT);
        assertTrue(breaking.isEmpty(), () -> "The contract breaks " + released + ". Keep what clients use, or"
                + " release a new major version: copy the contract to " + RELEASED + " under its new version and"
                + " say what changed in CHANGELOG.md.\n" + String.join("\n", breaking));
    }

    /**
     * What a contract breaks of an earlier one: what openapi-diff finds incompatible (removed operations,
     * responses and request enum values, new required request fields or parameters, narrowed types and
     * limits…), and every property a schema no longer has, which openapi-diff lets pass when the property
     * was optional. Empty when nothing breaks.
     */
    static List<String> breakingChanges(Path from, Path to) throws IOException {
        List<String> breaking = new ArrayList<>();
        ChangedOpenApi changes = compare(from, to);
        if (changes.isIncompatible()) {
            breaking.add(render(changes));
        }
        JsonNode before = YAML.readTree(from.toFile()).at("/components/schemas");
        JsonNode after = YAML.readTree(to.toFile()).at("/components/schemas");
        before.fields().forEachRemaining(schema -> removedProperties(schema.getValue(), after.path(schema.getKey()),
                "#/components/schemas/" + schema.getKey(), breaking));
        return breaking;
    }

    private static void removedProperties(JsonNode before, JsonNode after, String at, List<String> removed) {
        if (after.isMissingNode()) {
            removed.add(at + " was removed");
            return;
        }
        before.path("properties").fields().forEachRemaining(property -> {
            JsonNode now = after.path("properties").path(property.getKey());
            if (now.isMissingNode()) {
                removed.add(at + " lost its property " + property.getKey());
            } else {
                removedProperties(property.getValue(), now, at + "/" + property.getKey(), removed);
            }
        });
    }

    @Test
    void theBreakingChangeCheckCatchesARemovedFieldAnOperationAndAnEnumValue() throws IOException {
        Path released = lastReleased();
        Path changed = Files.createTempFile("vigie-contract", ".yaml");
        try {
            for (String pointer : List.of("/components/schemas/PostedComment/properties/message",
                    "/paths/~1api~1v1~1articles~1counts/get", "/components/schemas/ReportReason/enum/0")) {
                com.fasterxml.jackson.databind.node.ObjectNode contract = (com.fasterxml.jackson.databind.node.ObjectNode) YAML
                        .readTree(released.toFile());
                remove(contract, pointer);
                YAML.writeValue(changed.toFile(), contract);
                List<String> breaking = breakingChanges(released, changed);
                assertFalse(breaking.isEmpty(), "removing " + pointer + " breaks the contract");
            }
        } finally {
            Files.deleteIfExists(changed);
        }
    }

    private static void remove(JsonNode contract, String pointer) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = contract.at(pointer.substring(0, last));
        String name = pointer.substring(last + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.remove(Integer.parseInt(name));
        } else {
            assertTrue(((com.fasterxml.jackson.databind.node.ObjectNode) parent).remove(name) != null, pointer + " exists");
        }
    }

    @Test
    void everyReleasedContractIsInTheChangelog() throws IOException {
        String changelog = Files.readString(Path.of("CHANGELOG.md"));
        try (Stream<Path> releases = Files.list(RELEASED)) {
            for (Path release : releases.toList()) {
                String version = YAML.readTree(release.toFile()).at("/info/version").asText();
                assertEquals("vigie-" + version + ".yaml", release.getFileName().toString(), "a released contract is named by its version");
                assertTrue(changelog.contains("## " + version), "CHANGELOG.md has a section for " + version);
            }
        }
        String current = committed().at("/info/version").asText();
        assertTrue(changelog.contains("## " + current), "CHANGELOG.md has a section for the current version " + current);
    }

    /** The changes from one contract to another, compared as OpenAPI 3.0, which openapi-diff reads. */
    static ChangedOpenApi compare(Path from, Path to) {
        return OpenApiCompare.fromContents(Contract30.of(from), Contract30.of(to));
    }

    /** The released contract with the highest version. */
    static Path lastReleased() throws IOException {
        try (Stream<Path> releases = Files.list(RELEASED)) {
            return releases.filter(p -> p.getFileName().toString().matches("vigie-[0-9.]+\\.yaml"))
                    .max((a, b) -> compareVersions(version(a), version(b)))
                    .orElseThrow(() -> new AssertionError("No released contract in " + RELEASED));
        }
    }

    private static String version(Path release) {
        String name = release.getFileName().toString();
        return name.substring("vigie-".length(), name.length() - ".yaml".length());
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static String render(ChangedOpenApi changes) {
        try (var out = new java.io.ByteArrayOutputStream(); var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(changes, writer);
            writer.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return changes.toString();
        }
    }
}
