package org.vigie.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every operation's responses with the refusals the HTTP layer can give to any request, each
 * pointing to a shared problem response of {@link ApiDefinition}: 406, 414, 431 and 503 everywhere; 413
 * and 415 wherever there is a body. Quarkus documents 401 and 403 on secured operations with a
 * description only: these point to the shared Unauthorized and Forbidden problems too.
 */
public class SharedProblemsFilter implements OASFilter {

    private static final Map<String, String> SECURITY = Map.of("401", "Unauthorized", "403", "Forbidden");

    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "406", "NotAcceptable",
            "414", "UriTooLong",
            "431", "HeaderFieldsTooLarge",
            "503", "ServiceUnavailable");

    private static final Map<String, String> WITH_A_BODY = Map.of(
            "413", "PayloadTooLarge",
            "415", "UnsupportedMediaType");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    continue;
                }
                SECURITY.forEach((code, name) -> {
                    // Only Quarkus's own, with a description alone: a 403 an operation documents itself stays.
                    if (responses.hasAPIResponse(code) && responses.getAPIResponse(code).getContent() == null
                            && responses.getAPIResponse(code).getRef() == null) {
                        refer(responses, code, name);
                    }
                });
                List<Map<String, String>> shared = operation.getRequestBody() == null
                        ? List.of(EVERY_OPERATION)
                        : List.of(EVERY_OPERATION, WITH_A_BODY);
                for (Map<String, String> refusals : shared) {
                    refusals.forEach((code, name) -> {
                        if (!responses.hasAPIResponse(code)) {
                            refer(responses, code, name);
                        }
                    });
                }
            }
        }
    }

    private static void refer(APIResponses responses, String code, String name) {
        responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(name));
    }
}
