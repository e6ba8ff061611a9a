package org.vigie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSetParserTest {

    static final RuleSetParser PARSER = new RuleSetParser(file -> Optional.ofNullable(
            Map.of("insults.txt", List.of("# a comment", "connard", "", "salope")).get(file)));

    private static List<RuleSetError> errors(String yaml) {
        return assertThrows(InvalidRuleSet.class, () -> PARSER.parse(yaml)).errors();
    }

    private static void assertError(String yaml, String path, String messagePart) {
        List<RuleSetError> errors = errors(yaml);
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.message().contains(messagePart)),
                "expected " + path + ": …" + messagePart + "… in " + errors);
    }

    @Test
    void aCompleteRuleSetCompiles() throws InvalidRuleSet {
        RuleSet ruleSet = PARSER.parse("""
                name: Exemple
                lists:
                  insults: { file: insults.txt }
                  spam: [pharmacie-discount.com]
                  innocent: [cone]
                rules:
                  - id: insult
                    priority: 90
                    when:
                      text: { list: insults, fields: [body, authorName], except: innocent }
                    action: reject
                    explain: "Insulte : « {match.original} »"
                  - id: spam
                    priority: 100
                    when: { links: { to: spam } }
                    action: reject
                  - id: flood
                    on: [create]
                    when: { rate: { atLeast: 5, within: 10m, by: ip } }
                    action: hold
                  - id: new-author
                    when: { author: { approvedAtMost: 0 } }
                    action: hold
                    mode: shadow
                  - id: reported
                    on: report
                    when: { reports: { reportersAtLeast: 3 } }
                    action: hold
                    reopen: true
                tests:
                  - rule: insult
                    match: ["Espèce de c0nnard", { authorName: "Salope" }]
                    noMatch: ["Le député", "un cône"]
                """);
        assertEquals(List.of("spam", "insult", "flood", "new-author", "reported"),
                ruleSet.rules().stream().map(Rule::id).toList(), "by priority, then file order");
        assertEquals(4, ruleSet.testCount());
        assertEquals(1, ruleSet.historyQueries().size());
        assertEquals(Mode.SHADOW, ruleSet.rules().get(3).mode());
        assertTrue(ruleSet.rules().get(4).reopen());
    }

    @Test
    void jsonIsAcceptedToo() throws InvalidRuleSet {
        RuleSet ruleSet = PARSER.parse("""
                {"lists": {"bad": ["connard"]},
                 "rules": [{"id": "bad", "when": {"text": {"list": "bad"}}, "action": "hold"}]}
                """);
        assertEquals(1, ruleSet.rules().size());
    }

    static Stream<Arguments> invalidRuleSets() {
        return Stream.of(
                Arguments.of("rules: [ { id: x, when: { text: { list: nope } }, action: hold } ]",
                        "rules[0].when.text.list", "unknown list 'nope'"),
                Arguments.of("rules: [ { id: x, when: { length: { max: 2 } }, action: delete } ]",
                        "rules[0].action", "'delete' is not one of"),
                Arguments.of("rules: [ { id: x, when: { length: { max: 2 } } } ]",
                        "rules[0].action", "is required"),
                Arguments.of("rules: [ { id: x, when: { regex: { pattern: 'a(b' } }, action: hold } ]",
                        "rules[0].when.regex.pattern", "not a valid RE2 pattern"),
                Arguments.of("rules: [ { id: x, when: { regex: { pattern: '(?<=a)b' } }, action: hold } ]",
                        "rules[0].when.regex.pattern", "not a valid RE2 pattern"),
                Arguments.of("rules: [ { id: x, when: { colour: red }, action: hold } ]",
                        "rules[0].when.colour", "unknown condition"),
                Arguments.of("rules: [ { id: x, when: { length: { max: 2 } }, action: hold, mode: loud } ]",
                        "rules[0].mode", "'loud' is not one of"),
                Arguments.of("rules: [ { id: x, when: { length: { max: 2 } }, action: hold, on: [delete] } ]",
                        "rules[0].on", "not an event"),
                Arguments.of("rules: [ { id: x, when: { length: { max: 2 } }, action: hold, explain: 'a {match.what}' } ]",
                        "rules[0].explain", "unknown placeholder {match.what}"),
                Arguments.of("rules: [ { id: x, when: { length: { max: 2 } }, action: hold, colour: red } ]",
                        "rules[0].colour", "unknown key"),
                Arguments.of("rules: [ { id: x, when: { length: {} }, action: hold } ]",
                        "rules[0].when.length", "needs min or max"),
                Arguments.of("rules: [ { id: x, when: { rate: { atLeast: 5, within: soon } }, action: hold } ]",
                        "rules[0].when.rate.within", "must be a duration"),
                Arguments.of("rules: [ { id: x, when: { caps: { ratio: 7 } }, action: hold } ]",
                        "rules[0].when.caps.ratio", "from 0 to 1"),
                Arguments.of("rules: [ { id: x, when: { reports: { reasons: [RUDE] } }, action: hold } ]",
                        "rules[0].when.reports.reasons", "not a report reason"),
                Arguments.of("rules: [ { id: x, when: { any: [] }, action: hold } ]",
                        "rules[0].when.any", "non-empty list"),
                Arguments.of("rules: [ { id: x, when: { text: { list: [a], mode: fuzzy } }, action: hold } ]",
                        "rules[0].when.text.mode", "word, phrase, prefix or substring"),
                Arguments.of("rules: [ { id: x, when: { text: { list: [a], fields: [email] } }, action: hold } ]",
                        "rules[0].when.text.fields", "not a field"),
                Arguments.of("lists: { l: { file: missing.txt } }", "lists.l.file", "no shipped list file"),
                Arguments.of("rules: [ { id: 'bad id!', when: { length: { max: 2 } }, action: hold } ]",
                        "rules[0].id", "rule ids are"),
                Arguments.of("rules: [ { id: a, when: { length: { max: 2 } }, action: hold },"
                        + " { id: a, when: { length: { max: 3 } }, action: hold } ]",
                        "rules[1].id", "id of an earlier rule"),
                Arguments.of("rules: [ { id: a, when: { length: { max: 2 } }, action: hold } ]\ntests: [ { rule: b, match: [x] } ]",
                        "tests[0].rule", "no rule has the id 'b'"),
                Arguments.of("colour: red", "colour", "unknown key"),
                Arguments.of("rules: [ { id: a", "", "not valid YAML or JSON (line"),
                Arguments.of("- just\n- a list", "", "must be a mapping"),
                Arguments.of("rules: [ { id: a, when: { length: { max: 2 } }, action: hold } ]\nrules: []", "",
                        "Duplicate field"),
                Arguments.of("rules: [ { id: x, when: { regex: { pattern: '((((a{1000}){1000}){1000}){1000})' } }, action: hold } ]",
                        "rules[0].when.regex.pattern", "repeats 1000 times"),
                Arguments.of("rules: [ { id: x, when: { regex: { pattern: '(?:[a-z ]{1,30}){1,30}z' } }, action: hold } ]",
                        "rules[0].when.regex.pattern", "nests counted repetitions to 900 copies"),
                Arguments.of("rules: [ { id: x, when: { length: { max: 18446744073709551617 } }, action: hold } ]",
                        "rules[0].when.length.max", "whole number"),
                Arguments.of("rules: [ { id: x, when: { text: { list: [a], fields: [] } }, action: hold } ]",
                        "rules[0].when.text.fields", "names no field"),
                Arguments.of("rules: [ { id: x, when: { duplicate: { within: 24h, by: [] } }, action: hold } ]",
                        "rules[0].when.duplicate.by", "names nothing"),
                Arguments.of("rules: [ { id: x, when: { rate: { atLeast: 2, within: PT0.5S } }, action: hold } ]",
                        "rules[0].when.rate.within", "from a second to a year"),
                Arguments.of("lists: { l: { entries: [a], grade: severe } }", "lists.l.grade", "mild, strong or hate"),
                Arguments.of("lists: { l: { entries: [a], family: de } }", "lists.l.family", "fr or en"),
                Arguments.of("rules: [ { id: x, when: { contact: { kinds: [fax] } }, action: hold } ]",
                        "rules[0].when.contact.kinds", "phone, email or handle"),
                Arguments.of("rules: [ { id: x, when: { contact: { kinds: [] } }, action: hold } ]",
                        "rules[0].when.contact.kinds", "names no kind"),
                Arguments.of("rules: [ { id: x, when: { contact: { region: XX } }, action: hold } ]",
                        "rules[0].when.contact.region", "country code"),
                Arguments.of("rules: [ { id: x, when: { contact: { phones: true } }, action: hold } ]",
                        "rules[0].when.contact.phones", "unknown key"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRuleSets")
    void invalidRuleSetsAreRefusedWithThePathAtFault(String yaml, String path, String message) {
        assertError(yaml, path, message);
    }

    @Test
    void aListsGradeIsShownWithWhatItFindsAndItsFamilyCatchesInflectedForms() throws InvalidRuleSet {
        RuleSet rules = new RuleSetParser(file -> java.util.Optional.empty()).parse("""
                lists: { rude: { entries: [salope], grade: strong, family: fr } }
                rules: [ { id: r, when: { text: { list: rude } }, action: hold, explain: "{match.grade}: {match.normalized}" } ]
                """);
        Verdict verdict = RuleEngine.decide(rules, Submission.comment("Ils vont saloper le travail, ces s@l*pes"));
        assertEquals(ModerationStatus.PENDING, verdict.status());
        Match match = verdict.matches().get(0);
        assertEquals("strong", match.evidence().grade());
        assertEquals("strong: saloper", match.explanation());
        RuleSet plain = new RuleSetParser(file -> java.util.Optional.empty()).parse("""
                rules: [ { id: r, when: { text: { list: [salope] } }, action: hold } ]
                """);
        Verdict inflectedOnly = RuleEngine.decide(plain, Submission.comment("Ils vont saloper le travail"));
        assertEquals(ModerationStatus.VISIBLE, inflectedOnly.status(), "no family without family: fr");
        assertEquals(null, RuleEngine.decide(plain, Submission.comment("une salope")).matches().get(0).evidence().grade());
    }

    @Test
    void everyErrorIsReportedNotJustTheFirst() {
        List<RuleSetError> errors = errors("""
                rules:
                  - id: one
                    when: { text: { list: nope } }
                    action: delete
                  - id: two
                    when: { regex: { pattern: 'a(' } }
                    action: hold
                    mode: loud
                """);
        assertEquals(List.of("rules[0].when.text.list", "rules[0].action", "rules[1].when.regex.pattern", "rules[1].mode"),
                errors.stream().map(RuleSetError::path).toList());
    }

    @Test
    void failingTestsRefuseTheRuleSet() {
        List<RuleSetError> errors = errors("""
                lists: { bad: [connard] }
                rules:
                  - id: insult
                    when: { text: { list: bad } }
                    action: reject
                tests:
                  - rule: insult
                    match: ["Espèce de c0nnard", "rien à signaler"]
                    noMatch: ["Le député", "Quel connard"]
                """);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("tests[0].match[1]", errors.get(0).path());
        assertTrue(errors.get(0).message().contains("does not match « rien à signaler »"), errors.get(0).message());
        assertEquals("tests[0].noMatch[1]", errors.get(1).path());
        assertTrue(errors.get(1).message().contains("matches « Quel connard »"), errors.get(1).message());
    }

    @Test
    void reasonablePatternsPass() throws InvalidRuleSet {
        PARSER.parse("rules: [ { id: x, when: { regex: { pattern: '\\d{10}|(?:\\w+\\s){1,20}gratuit|[a-z]{2,50}' } }, action: hold } ]");
    }

    @Test
    void storedVersionsCompileWithoutRunningTheirTestsAgain() throws InvalidRuleSet {
        String failing = """
                lists: { bad: [connard] }
                rules: [ { id: insult, when: { text: { list: bad } }, action: reject } ]
                tests: [ { rule: insult, match: ["rien à signaler"] } ]
                """;
        assertThrows(InvalidRuleSet.class, () -> PARSER.parse(failing));
        assertEquals(1, PARSER.parseTested(failing).testCount());
    }

    @Test
    void shippedListsAreReadFromTheClasspath() {
        List<RuleSetError> errors = assertThrows(InvalidRuleSet.class,
                () -> new RuleSetParser().parse("lists: { x: { file: ../../etc/passwd } }")).errors();
        assertEquals("lists.x.file", errors.get(0).path(), "only plain file names under rules/lists/");
    }

    @Test
    void shippedListsAreReadOnceAndKeptUnchanged() {
        List<String> first = RuleSetParser.SHIPPED_LISTS.apply("innocent-forms.txt").orElseThrow();
        assertSame(first, RuleSetParser.SHIPPED_LISTS.apply("innocent-forms.txt").orElseThrow());
        assertTrue(first.stream().noneMatch(entry -> entry.isBlank() || entry.startsWith("#")), first.toString());
        assertThrows(UnsupportedOperationException.class, () -> first.add("x"));
        assertEquals(Optional.empty(), RuleSetParser.SHIPPED_LISTS.apply("no-such-list.txt"));
        assertEquals(Optional.empty(), RuleSetParser.SHIPPED_LISTS.apply("no-such-list.txt"));
    }
}
