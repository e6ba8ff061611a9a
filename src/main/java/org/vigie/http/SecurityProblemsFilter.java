package org.vigie.http;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Quarkus documents 401 and 403 on every secured operation, with a description only: this points them to
 * the shared Unauthorized and Forbidden responses of {@link ApiDefinition}, problem documents like every
 * other refusal.
 */
public class SecurityProblemsFilter implements OASFilter {

    private static final Map<String, String> SHARED = Map.of("401", "Unauthorized", "403", "Forbidden");

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
                SHARED.forEach((code, name) -> {
                    if (responses.hasAPIResponse(code)) {
                        responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(name));
                    }
                });
            }
        }
    }
}
