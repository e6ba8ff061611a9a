package org.vigie.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The committed OpenAPI 3.1 contract, rewritten as OpenAPI 3.0 for the request validator, which reads
 * 3.0 schemas only (its parser leaves a 3.1 schema's type unset, and then checks nothing). The rewriting
 * is mechanical and loses nothing the contract uses: a type list with "null" becomes the type and
 * {@code nullable}, {@code anyOf} a schema or null becomes a copy of that schema, {@code nullable} (and
 * null among its values if it is an enumeration), a numeric
 * {@code exclusiveMinimum} the 3.0 pair, a schema's {@code examples} its first {@code example}. The 3.1
 * {@code webhooks} become operations under {@code /webhooks/{name}}, so that the same validator checks an
 * event delivery as the request it is.
 */
final class Contract30 {

    static final String WEBHOOKS = "/webhooks/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Contract30() {
    }

    /** The contract at {@code path}, as an OpenAPI 3.0 document in JSON. */
    static String of(Path path) {
        try {
            ObjectNode contract = (ObjectNode) YAML.readTree(path.toFile());
            contract.put("openapi", "3.0.3");
            JsonNode webhooks = contract.remove("webhooks");
            if (webhooks != null) {
                ObjectNode paths = (ObjectNode) contract.get("paths");
                webhooks.fields().forEachRemaining(hook -> paths.set(WEBHOOKS + hook.getKey(), hook.getValue()));
            }
            if (contract.get("info") instanceof ObjectNode info && info.get("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
            rewrite(contract, contract);
            return new ObjectMapper().writeValueAsString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(JsonNode node, JsonNode contract) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> rewrite(element, contract));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        JsonNode type = object.get("type");
        if (type instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(t -> named.add(t.asText()));
            boolean nullable = named.remove("null");
            object.put("type", named.get(0));
            if (nullable) {
                object.put("nullable", true);
            }
        }
        JsonNode anyOf = object.get("anyOf");
        if (anyOf instanceof ArrayNode choices && choices.size() == 2
                && choices.findValuesAsText("type").contains("null")) {
            // 3.0 validators do not let null through a nullable allOf: the schema referred to is copied in.
            JsonNode other = "null".equals(choices.get(0).path("type").asText()) ? choices.get(1) : choices.get(0);
            if (other.has("$ref")) {
                other = contract.at(other.get("$ref").asText().substring(1));
            }
            object.remove("anyOf");
            object.remove("type");
            object.setAll((ObjectNode) other.deepCopy());
            object.put("nullable", true);
            if (object.get("enum") instanceof ArrayNode values) {
                values.addNull();
            }
        }
        JsonNode exclusive = object.get("exclusiveMinimum");
        if (exclusive != null && exclusive.isNumber()) {
            object.set("minimum", exclusive);
            object.put("exclusiveMinimum", true);
        }
        JsonNode examples = object.get("examples");
        if (examples instanceof ArrayNode list && !list.isEmpty() && looksLikeSchema(object)) {
            object.remove("examples");
            object.set("example", list.get(0));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            rewrite(fields.next().getValue(), contract);
        }
    }

    /** A schema's examples are a list; a media type's or a parameter's are a map of named examples. */
    private static boolean looksLikeSchema(ObjectNode object) {
        return object.has("type") || object.has("$ref") || object.has("format") || object.has("pattern");
    }
}
