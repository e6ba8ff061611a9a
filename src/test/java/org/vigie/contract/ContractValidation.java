package org.vigie.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every exchange of every HTTP test to the committed contract, {@code src/main/openapi/vigie.yaml}:
 * installed as a rest-assured filter before each {@code @QuarkusTest} method. Every response must be one
 * the contract describes for its operation (status, headers, body). A request is checked when the service
 * accepted it: what the contract forbids, the service must not take; the many tests that send a bad
 * request on purpose are answered a problem the contract describes, and that answer is checked.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {

    static final Path CONTRACT = Path.of("src/main/openapi/vigie.yaml");

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(Contract30.of(CONTRACT))
            .withLevelResolver(LevelResolver.create()
                    // Paths outside the API (health, metrics, the contract itself) are not in the contract.
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private static final Filter FILTER = new ValidatingFilter();

    /** How many exchanges were checked, for the build's log. */
    static final AtomicLong CHECKED = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                "Contract: " + CHECKED.get() + " HTTP exchanges of the tests checked against " + CONTRACT)));
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    /** The validation of one exchange, or an empty report when it is not an API operation. */
    static ValidationReport validate(FilterableRequestSpecification request, Response response) {
        String path = java.net.URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/") || request.getMethod().equals("OPTIONS")) {
            // Outside the API (health, the contract itself), or a CORS preflight, which the CORS settings answer.
            return ValidationReport.empty();
        }
        ValidationReport report = VALIDATOR.validateResponse(path, com.atlassian.oai.validator.model.Request.Method
                .valueOf(request.getMethod()), RestAssuredResponse.of(response));
        if (report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.operation.notAllowed"))) {
            // A method the path does not serve: the shared MethodNotAllowed problem.
            return response.statusCode() == 405 && response.contentType().startsWith("application/problem+json")
                    && response.jsonPath().getInt("status") == 405 ? ValidationReport.empty() : report;
        }
        if (response.statusCode() < 400) {
            report = report.merge(VALIDATOR.validateRequest(RestAssuredRequest.of(request)));
        }
        return report;
    }

    /**
     * The validation of one webhook delivery, as the request the contract's {@code webhooks} describe for its
     * event type: its signature headers and its body.
     */
    public static ValidationReport validateDelivery(String type, Map<String, String> headers, String body) {
        SimpleRequest.Builder request = SimpleRequest.Builder.post(Contract30.WEBHOOKS + type).withBody(body);
        headers.forEach(request::withHeader);
        return VALIDATOR.validateRequest(request.build());
    }

    /** The errors of a report, one per line. */
    public static String errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n  "));
    }

    private static final class ValidatingFilter implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                FilterContext context) {
            Response response = context.next(request, responseSpec);
            ValidationReport report = validate(request, response);
            CHECKED.incrementAndGet();
            if (report.hasErrors()) {
                List<String> errors = report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.toList());
                throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered "
                        + response.statusCode() + ", which the contract does not describe:\n  " + String.join("\n  ", errors)
                        + "\n  body: " + abbreviate(response.asString()));
            }
            return response;
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

}
