package org.vigie.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The published contract documents every operation, its errors and its security. */
@QuarkusTest
class OpenApiTest {

    private JsonPath contract() {
        return given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    /** Every operation the code serves, read from the resource classes: the contract must document each. */
    private static List<Operation> servedOperations() {
        List<Operation> operations = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vigie")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)
                        .filter(method::isAnnotationPresent).map(a -> a.getSimpleName().toLowerCase(Locale.ROOT))
                        .findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (base + (sub == null ? "" : sub.value())).replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
                boolean secured = method.isAnnotationPresent(RolesAllowed.class)
                        || (resource.isAnnotationPresent(RolesAllowed.class) && !method.isAnnotationPresent(PermitAll.class));
                boolean hasBody = method.isAnnotationPresent(Consumes.class);
                boolean validated = Stream.of(method.getParameterAnnotations()).flatMap(Stream::of)
                        .anyMatch(a -> a.annotationType() == Valid.class || a.annotationType().isAnnotationPresent(Constraint.class));
                operations.add(new Operation(verb, path, secured, hasBody, validated,
                        resource.getSimpleName() + "." + method.getName()));
            }
        }
        return operations;
    }

    /** One HTTP operation as the code declares it. */
    private record Operation(String verb, String path, boolean secured, boolean hasBody, boolean validated, String javaMethod) {
        @Override
        public String toString() {
            return verb.toUpperCase(Locale.ROOT) + " " + path + " (" + javaMethod + ")";
        }
    }

    @Test
    void theContractDocumentsEveryOperationTheCodeServes() {
        JsonPath contract = contract();
        List<Operation> served = servedOperations();
        assertTrue(served.size() > 20, "resources found: " + served);
        for (Operation operation : served) {
            Map<String, Object> documented = contract.getMap("paths.'" + operation.path() + "'." + operation.verb());
            assertNotNull(documented, operation + " is in the contract");
            assertNotNull(documented.get("summary"), operation + " has a summary");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsSuccessAndEachRefusalItCanGive() {
        JsonPath contract = contract();
        for (Operation operation : servedOperations()) {
            Map<String, Object> documented = contract.getMap("paths.'" + operation.path() + "'." + operation.verb());
            assertNotNull(documented, operation + " is in the contract");
            Set<String> codes = ((Map<String, Object>) documented.get("responses")).keySet();
            assertTrue(codes.stream().anyMatch(code -> code.startsWith("2")), operation + " documents its success: " + codes);
            List<Object> security = (List<Object>) documented.get("security");
            if (operation.secured()) {
                assertTrue(security != null && !security.isEmpty(), operation + " declares its security");
                assertTrue(codes.containsAll(List.of("401", "403")), operation + " documents 401 and 403: " + codes);
            } else {
                assertTrue(security == null || security.isEmpty(), operation + " needs no credentials");
                assertFalse(codes.contains("401"), operation + " is public: " + codes);
            }
            assertTrue(codes.containsAll(List.of("406", "414", "431", "503")),
                    operation + " documents the HTTP layer's refusals: " + codes);
            if (operation.hasBody()) {
                assertTrue(codes.containsAll(List.of("413", "415")), operation + " documents 413 and 415: " + codes);
            }
            if (operation.validated()) {
                assertTrue(codes.contains("400"), operation + " validates its input and documents 400: " + codes);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedRefusalIsAProblem() {
        JsonPath contract = contract();
        Map<String, Map<String, Object>> paths = contract.getMap("paths");
        int refusals = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) ((Map<String, Object>) operation
                        .getValue()).get("responses");
                for (var response : responses.entrySet()) {
                    if (!response.getKey().startsWith("4")) {
                        continue;
                    }
                    refusals++;
                    Map<String, Object> resolved = response.getValue();
                    Object ref = resolved.get("$ref");
                    if (ref != null) {
                        resolved = contract.getMap("components.responses." + ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
                    }
                    Map<String, Object> content = resolved == null ? null : (Map<String, Object>) resolved.get("content");
                    assertTrue(content != null && content.containsKey("application/problem+json"),
                            operation.getKey() + " " + path.getKey() + " " + response.getKey() + " is a problem: " + resolved);
                }
            }
        }
        assertTrue(refusals > 50, "refusals checked: " + refusals);
    }

    @Test
    void postingACommentDocumentsEveryRefusal() {
        Map<String, Object> responses = contract().getMap("paths.'/api/v1/articles/{articleKey}/comments'.post.responses");
        for (String code : List.of("201", "400", "409", "413", "415", "422", "429")) {
            assertTrue(responses.containsKey(code), "POST comments documents " + code + ": " + responses.keySet());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void editingACommentDocumentsEveryRefusalAsAProblemOfItsOwn() {
        JsonPath contract = contract();
        Map<String, Object> responses = contract.getMap("paths.'/api/v1/comments/{id}'.patch.responses");
        for (String code : List.of("200", "400", "403", "404", "409", "413", "415", "429")) {
            assertTrue(responses.containsKey(code), "PATCH comments documents " + code + ": " + responses.keySet());
        }
        // Its 403 is a wrong edit token, not the moderators' role: the shared Forbidden must not replace it.
        Map<String, Object> forbidden = (Map<String, Object>) responses.get("403");
        assertFalse(forbidden.containsKey("$ref"), "403: " + forbidden);
        assertTrue(forbidden.get("description").toString().contains("editToken"), "403: " + forbidden);
        assertEquals("#/components/schemas/PostedComment",
                contract.getString("paths.'/api/v1/comments/{id}'.patch.responses.'200'.content.'application/json'.schema.$ref"));
        Map<String, Object> posted = contract.getMap("components.schemas.PostedComment.properties");
        assertTrue(posted.containsKey("editToken") && posted.containsKey("editableUntil"), posted.keySet().toString());
    }

    @Test
    void moderationOperationsRequireBasicAuthentication() {
        JsonPath contract = contract();
        assertEquals("basic", contract.getString("components.securitySchemes.basic.scheme"));
        List<Object> security = contract.getList("paths.'/api/v1/moderation/queue'.get.security");
        assertTrue(security != null && !security.isEmpty(), "queue declares its security");
        Map<String, Object> responses = contract.getMap("paths.'/api/v1/moderation/queue'.get.responses");
        assertTrue(responses.containsKey("401") && responses.containsKey("403"), responses.keySet().toString());
        List<Object> publicSecurity = contract.getList("paths.'/api/v1/articles/{articleKey}/comments'.get.security");
        assertTrue(publicSecurity == null || publicSecurity.isEmpty(), "public reads need no credentials");
    }

    @Test
    void publicSchemasHaveNoEmailField() {
        JsonPath contract = contract();
        for (String schema : List.of("Comment", "Reply", "CommentDetail", "ThreadPage", "PostedComment", "CommentEdit")) {
            Map<String, Object> properties = contract.getMap("components.schemas." + schema + ".properties");
            assertTrue(properties != null, schema + " is in the contract");
            assertTrue(properties.keySet().stream().noneMatch(p -> p.toLowerCase().contains("email")),
                    schema + " has no email: " + properties.keySet());
        }
    }
}
