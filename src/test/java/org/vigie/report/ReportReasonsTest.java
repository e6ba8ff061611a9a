package org.vigie.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;
import org.vigie.rules.ReportReason;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** One list of report reasons: the enum, which the contract, the statistics and the database all follow. */
@QuarkusTest
class ReportReasonsTest {

    private static final Set<String> REASONS = new TreeSet<>(Arrays.stream(ReportReason.values()).map(Enum::name).toList());

    @Inject
    Database database;

    @Test
    void theContractOffersExactlyTheReasons() {
        List<String> documented = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getList("components.schemas.ReportReason.enum", String.class);
        assertEquals(REASONS, new TreeSet<>(documented));
    }

    @Test
    void theStatisticsCountEveryReason() {
        assertEquals(REASONS, new TreeSet<>(Api.admin().get("/api/v1/moderation/stats").then().statusCode(200)
                .extract().jsonPath().getMap("reportsByReason").keySet()));
    }

    @Test
    void theDatabaseAcceptsExactlyTheReasons() {
        String check = (String) database.single("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = 'report'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%reason%'");
        Set<String> accepted = new TreeSet<>();
        Matcher quoted = Pattern.compile("'([A-Z_]+)'").matcher(check);
        while (quoted.find()) {
            accepted.add(quoted.group(1));
        }
        assertEquals(REASONS, accepted, check);
    }
}
