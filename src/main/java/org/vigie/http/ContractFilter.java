package org.vigie.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes the contract the build derives from the resources, before it is served and written to
 * {@code target/openapi}:
 * <ul>
 * <li>every operation's responses get the refusals the HTTP layer can give to any request, each pointing
 * to a shared problem response of {@link ApiDefinition}: 406, 414, 431 and 503 everywhere; 413 and 415
 * wherever there is a body; 429 on secured operations (failed logins are throttled), 403 on public ones
 * (a browser's request from a site not allowed). Quarkus documents 401 and 403 on secured operations with
 * a description only: these point to the shared Unauthorized and Forbidden problems too;</li>
 * <li>the roles an operation needs move from its security requirement, where OpenAPI allows scopes for
 * OAuth2 and OpenID Connect only, to its description and an {@code x-roles} extension;</li>
 * <li>request and response examples come from {@code openapi/examples/{operationId}.json}: its
 * {@code request} member is the request body's example, a member named by a status code that
 * response's.</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {

    private static final Map<String, String> SECURITY = ordered("401", "Unauthorized", "403", "Forbidden");

    /** An address that failed to log in too often is refused before its password is checked. */
    private static final Map<String, String> SECURED = ordered("429", "TooManyRequests");

    /** A browser's request from a site the CORS settings do not list. */
    private static final Map<String, String> PUBLIC = ordered("403", "OriginNotAllowed");

    private static final Map<String, String> EVERY_OPERATION = ordered(
            "406", "NotAcceptable",
            "414", "UriTooLong",
            "431", "HeaderFieldsTooLarge",
            "503", "ServiceUnavailable");

    private static final Map<String, String> WITH_A_BODY = ordered(
            "413", "PayloadTooLarge",
            "415", "UnsupportedMediaType");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** In the order given, so that the contract comes out the same, byte for byte, from every build. */
    private static Map<String, String> ordered(String... codesAndNames) {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            ordered.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(ordered);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                sharedRefusals(operation);
                rolesInDescription(operation);
                examples(operation);
            }
        }
    }

    private static void sharedRefusals(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        SECURITY.forEach((code, name) -> {
            // Only Quarkus's own, with a description alone: a 403 an operation documents itself stays.
            if (responses.hasAPIResponse(code) && responses.getAPIResponse(code).getContent() == null
                    && responses.getAPIResponse(code).getRef() == null) {
                refer(responses, code, name);
            }
        });
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        List<Map<String, String>> shared = new java.util.ArrayList<>(List.of(EVERY_OPERATION, secured ? SECURED : PUBLIC));
        if (operation.getRequestBody() != null) {
            shared.add(WITH_A_BODY);
        }
        for (Map<String, String> refusals : shared) {
            refusals.forEach((code, name) -> {
                if (!responses.hasAPIResponse(code)) {
                    refer(responses, code, name);
                }
            });
        }
    }

    private static void rolesInDescription(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            return;
        }
        TreeSet<String> roles = new TreeSet<>();
        List<SecurityRequirement> plain = security.stream().map(requirement -> {
            SecurityRequirement without = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes == null ? List.of() : scopes);
                without.addScheme(scheme);
            });
            return without;
        }).toList();
        operation.setSecurity(plain);
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", List.copyOf(roles));
            String needs = "Role: " + String.join(" or ", roles) + ".";
            operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + " " + needs);
        }
    }

    private static void examples(Operation operation) {
        if (operation.getOperationId() == null) {
            return;
        }
        JsonNode examples = read("openapi/examples/" + operation.getOperationId() + ".json");
        if (examples == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = examples.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            Object example = JSON.convertValue(member.getValue(), Object.class);
            if (member.getKey().equals("request")) {
                if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                    throw new IllegalStateException(operation.getOperationId() + " has an example request but takes no body");
                }
                json(operation.getRequestBody().getContent().getMediaTypes(), operation).setExample(example);
            } else {
                APIResponse response = operation.getResponses() == null ? null
                        : operation.getResponses().getAPIResponse(member.getKey());
                if (response == null || response.getContent() == null) {
                    throw new IllegalStateException(operation.getOperationId() + " has an example for a "
                            + member.getKey() + " it does not answer with a body");
                }
                json(response.getContent().getMediaTypes(), operation).setExample(example);
            }
        }
    }

    private static MediaType json(Map<String, MediaType> mediaTypes, Operation operation) {
        MediaType json = mediaTypes.get(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null) {
            throw new IllegalStateException(operation.getOperationId() + " has an example but no application/json body");
        }
        return json;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    private static void refer(APIResponses responses, String code, String name) {
        responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(name));
    }
}
