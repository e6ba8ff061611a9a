package org.vigie.webhook;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Describes the events in the contract, as OpenAPI 3.1 {@code webhooks}: one operation per event type,
 * the request Vigie sends to a registered endpoint, with its signature headers and its body. The bodies'
 * {@code data} schemas are read from the records of {@link WebhookData}, so that they cannot drift from
 * what is sent.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebhookContract implements OASFilter {

    private static final Map<WebhookEventType, Class<? extends Record>> DATA = Map.of(
            WebhookEventType.COMMENT_CREATED, WebhookData.CommentEvent.class,
            WebhookEventType.COMMENT_STATUS_CHANGED, WebhookData.CommentEvent.class,
            WebhookEventType.REPORT_CREATED, WebhookData.ReportEvent.class,
            WebhookEventType.AUTHOR_BANNED, WebhookData.BanEvent.class,
            WebhookEventType.AUTHOR_UNBANNED, WebhookData.BanEvent.class,
            WebhookEventType.ARTICLE_SETTINGS_CHANGED, WebhookData.ArticleEvent.class);

    private static final Map<WebhookEventType, String> SUMMARIES = Map.of(
            WebhookEventType.COMMENT_CREATED, "A comment or reply was posted, whatever status the rules gave it",
            WebhookEventType.COMMENT_STATUS_CHANGED, "A comment's status changed: by the rules on reports, a moderator, a ban"
                    + " or its author's edit",
            WebhookEventType.REPORT_CREATED, "A reader reported a comment",
            WebhookEventType.AUTHOR_BANNED, "A moderator banned an author",
            WebhookEventType.AUTHOR_UNBANNED, "A moderator lifted a ban",
            WebhookEventType.ARTICLE_SETTINGS_CHANGED, "An article's settings were created or changed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        for (WebhookEventType type : WebhookEventType.values()) {
            String data = component(DATA.get(type), openAPI);
            Schema body = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .required(List.of("type", "timestamp", "data"))
                    .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .enumeration(List.of(type.wireName())))
                    .addProperty("timestamp", OASFactory.createSchema().ref("#/components/schemas/Instant"))
                    .addProperty("data", OASFactory.createSchema().ref("#/components/schemas/" + data));
            Operation delivery = OASFactory.createOperation()
                    .operationId(camel(type.wireName()) + "Webhook")
                    .summary(SUMMARIES.get(type))
                    .description("Sent to the endpoints subscribed to " + type.wireName() + ", signed the Standard Webhooks"
                            + " way, and sent again with the same webhook-id until an endpoint answers 2xx (see the README).")
                    .addTag("Webhooks")
                    .parameters(List.of(header("webhook-id", "The event's id, the same on every attempt"),
                            header("webhook-timestamp", "When this attempt was signed, in seconds since 1970"),
                            header("webhook-signature", "v1, a comma and the base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\"")))
                    .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                            .addMediaType("application/json", OASFactory.createMediaType().schema(body))))
                    .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                            OASFactory.createAPIResponse().description("Received (any 2xx): the event is delivered")));
            openAPI.addWebhook(type.wireName(), OASFactory.createPathItem().POST(delivery));
        }
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    /** Adds the record's schema (and those of the records it holds) to the components; returns its name. */
    private static String component(Class<?> record, OpenAPI openAPI) {
        String name = "Webhook" + record.getSimpleName();
        if (openAPI.getComponents().getSchemas() != null && openAPI.getComponents().getSchemas().containsKey(name)) {
            return name;
        }
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        List<String> required = new ArrayList<>();
        for (RecordComponent field : record.getRecordComponents()) {
            if (field.getType().isPrimitive()) {
                required.add(field.getName());
            }
            schema.addProperty(field.getName(), schemaOf(field.getGenericType(), !field.getType().isPrimitive(), openAPI));
        }
        openAPI.getComponents().addSchema(name, required.isEmpty() ? schema : schema.required(required));
        return name;
    }

    private static Schema schemaOf(Type type, boolean nullable, OpenAPI openAPI) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        Schema schema;
        if (raw.isRecord()) {
            String name = component(raw, openAPI);
            return nullable ? OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref("#/components/schemas/" + name),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL))) : OASFactory.createSchema().ref("#/components/schemas/" + name);
        } else if (raw == Instant.class) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time");
        } else if (raw.isEnum()) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .enumeration(Arrays.stream(raw.getEnumConstants()).map(c -> (Object) ((Enum<?>) c).name()).toList());
        } else if (raw == long.class || raw == Long.class) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64");
        } else if (raw == int.class || raw == Integer.class) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN);
        } else if (raw == String.class) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        } else {
            throw new IllegalStateException("No schema for " + type + " in a webhook's data");
        }
        if (nullable) {
            schema.addType(Schema.SchemaType.NULL);
            if (schema.getEnumeration() != null) {
                schema.addEnumeration(null);
            }
        }
        return schema;
    }

    private static String camel(String wireName) {
        StringBuilder name = new StringBuilder();
        for (String part : wireName.split("[._]")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }
}
