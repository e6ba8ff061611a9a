package org.vigie;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The boundaries of the code, checked on every build: packages without cycles, a rules engine free of the
 * framework, thin resources, and one writer of the audit trail.
 */
class ArchitectureTest {

    private static final JavaClasses VIGIE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigie");

    private static final java.nio.file.Path SOURCES = java.nio.file.Path.of("src/main/java");

    /** The SQL statements that write the audit trail, as they would appear in a class's constants. */
    private static final Pattern WRITES_AUDIT = Pattern.compile(
            "(?is)(insert\\s+into|update|delete\\s+from)\\s+audit_entry\\b");

    @Test
    void packagesDependOnEachOtherInOneDirectionOnly() {
        slices().matching("org.vigie.(*)..").should().beFreeOfCycles().check(VIGIE);
    }

    @Test
    void theRulesEngineIsAPlainLibrary() {
        noClasses().that().resideInAPackage("org.vigie.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "jakarta.transaction..", "jakarta.enterprise..", "org.hibernate..", "io.vertx..")
                .orShould().dependOnClassesThat(resideInAPackage("org.vigie..").and(not(resideInAPackage("org.vigie.rules.."))))
                .check(VIGIE);
    }

    @Test
    void resourcesLeaveTheDatabaseToServices() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("io.quarkus.hibernate.orm.panache..")
                .check(VIGIE);
    }

    @Test
    void onlyTheAuditPackageWritesTheAuditTrail() throws IOException {
        noClasses().that().resideOutsideOfPackage("org.vigie.audit..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.vigie.audit.AuditEntry")
                .check(VIGIE);
        Set<String> writers = new TreeSet<>();
        for (JavaClass type : VIGIE) {
            if (WRITES_AUDIT.matcher(constants(type)).find()) {
                writers.add(type.getPackageName());
            }
        }
        assertTrue(writers.stream().allMatch(p -> p.equals("org.vigie.audit")), "audit_entry is written from " + writers);
    }

    @Test
    void theAuditRuleWouldSeeAnSqlWriteElsewhere() {
        // The check above reads the statements compiled into classes: make sure it can see one.
        assertTrue(WRITES_AUDIT.matcher("INSERT INTO audit_entry (comment_id) VALUES (?1)").find());
        assertTrue(WRITES_AUDIT.matcher("\n    UPDATE audit_entry SET reason = NULL").find());
        assertTrue(!WRITES_AUDIT.matcher("SELECT count(*) FROM audit_entry e").find());
    }

    @Test
    void everyPackageSaysWhatItOwns() {
        Set<String> packages = new TreeSet<>();
        VIGIE.forEach(type -> packages.add(type.getPackageName()));
        assertTrue(packages.size() > 10, packages.toString());
        // package-info.java without annotations compiles to nothing: look at the sources.
        List<String> undocumented = packages.stream()
                .filter(p -> !Files.exists(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), undocumented, "packages without a package-info.java");
    }

    /** The class file of a type as text: its string constants (SQL included) appear in it as written. */
    private static String constants(JavaClass type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = ArchitectureTest.class.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
