package org.vigie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the shipped rules on the labelled comments of {@code corpus/comments.tsv}: comments that must be
 * held (or rejected) before anyone reads them, name-calling that must at least be flagged, and comments
 * that must stay visible, many of them traps (words that contain a listed one, numbers that look like
 * phone numbers, dotted acronyms). Writes the per-category table to {@code target/evaluation.md}.
 */
class EvaluationSetTest {

    /** Must-hold comments (expected hold or reject) that end up held or rejected: at least this share. */
    static final double MIN_RECALL = 0.97;
    /** Must-stay-visible comments that end up held or rejected: at most this share. */
    static final double MAX_FALSE_HOLDS = 0.02;
    /** Name-calling (expected flag) that is flagged, held or rejected: at least this share. */
    static final double MIN_FLAGGED = 0.9;

    record Case(String category, String expected, String language, String text) {
    }

    record Outcome(Case labelled, Verdict verdict) {

        boolean heldOrRejected() {
            return verdict.status() != ModerationStatus.VISIBLE;
        }

        /** Whether the rules did what the label asks. */
        boolean right() {
            return switch (labelled.expected()) {
                case "hold" -> heldOrRejected();
                case "reject" -> verdict.status() == ModerationStatus.REJECTED;
                case "flag" -> heldOrRejected() || verdict.flagged();
                default -> !heldOrRejected();
            };
        }
    }

    static List<Outcome> outcomes = new ArrayList<>();

    @BeforeAll
    static void score() throws IOException, InvalidRuleSet {
        RuleSet defaults;
        try (InputStream in = EvaluationSetTest.class.getResourceAsStream("/rules/default-rules.yaml")) {
            defaults = new RuleSetParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (Case labelled : cases()) {
            // An author with a few approved comments: the shadow rule on first comments stays out of the way.
            Verdict verdict = RuleEngine.decide(defaults, Submission.comment(labelled.text())
                    .withAuthor(new Submission.AuthorFacts(3, 0, 0, false, false)));
            outcomes.add(new Outcome(labelled, verdict));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/evaluation.md"), table());
        System.out.println(table());
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = EvaluationSetTest.class.getResourceAsStream("/corpus/comments.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                assertEquals(4, columns.length, "four columns: " + line);
                assertTrue(Set.of("hold", "reject", "flag", "visible").contains(columns[1]), line);
                cases.add(new Case(columns[0], columns[1], columns[2], columns[3]));
            }
        }
        return cases;
    }

    @Test
    void theSetIsLargeAndCoversEveryCategory() {
        assertTrue(outcomes.size() >= 300, "cases: " + outcomes.size());
        Map<String, Integer> perCategory = new TreeMap<>();
        outcomes.forEach(outcome -> perCategory.merge(outcome.labelled().category(), 1, Integer::sum));
        for (String category : List.of("masked", "family", "mild", "link", "phone", "handle", "email", "insult", "hate",
                "clean", "trap-word", "trap-number", "trap-punct")) {
            assertTrue(perCategory.getOrDefault(category, 0) >= 15, category + ": " + perCategory);
        }
    }

    @Test
    void almostEveryCommentThatMustBeHeldIsHeld() {
        List<Outcome> mustHold = outcomes.stream().filter(o -> Set.of("hold", "reject").contains(o.labelled().expected())).toList();
        List<Outcome> missed = mustHold.stream().filter(o -> !o.heldOrRejected()).toList();
        double recall = 1 - (double) missed.size() / mustHold.size();
        assertTrue(recall >= MIN_RECALL, "recall " + recall + "; missed: " + texts(missed));
    }

    @Test
    void hardlyAnyInnocentCommentIsHeld() {
        List<Outcome> mustStay = outcomes.stream().filter(o -> o.labelled().expected().equals("visible")).toList();
        List<Outcome> held = mustStay.stream().filter(Outcome::heldOrRejected).toList();
        double falseHolds = (double) held.size() / mustStay.size();
        assertTrue(falseHolds <= MAX_FALSE_HOLDS, "false holds " + falseHolds + ": " + texts(held));
    }

    @Test
    void nameCallingIsFlaggedAndSlursAreRejected() {
        List<Outcome> mild = outcomes.stream().filter(o -> o.labelled().expected().equals("flag")).toList();
        List<Outcome> unflagged = mild.stream().filter(o -> !o.right()).toList();
        assertTrue(1 - (double) unflagged.size() / mild.size() >= MIN_FLAGGED, "not flagged: " + texts(unflagged));
        List<Outcome> hate = outcomes.stream().filter(o -> o.labelled().expected().equals("reject")).toList();
        List<Outcome> notRejected = hate.stream().filter(o -> !o.right()).toList();
        assertTrue(1 - (double) notRejected.size() / hate.size() >= MIN_RECALL - 0.07, "not rejected: " + texts(notRejected));
    }

    @Test
    void everyHoldNamesWhatItSaw() {
        for (Outcome outcome : outcomes) {
            if (outcome.heldOrRejected() && !outcome.labelled().expected().equals("visible")) {
                Match decisive = outcome.verdict().matches().stream().filter(Match::decisive).findFirst().orElseThrow();
                assertTrue(decisive.evidence() != null && !decisive.evidence().original().isBlank(), outcome.toString());
                assertTrue(outcome.labelled().text().contains(decisive.evidence().original()), outcome.toString());
            }
        }
    }

    private static List<String> texts(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> o.labelled().category() + ": " + o.labelled().text() + " -> " + o.verdict().status()
                + " " + o.verdict().matches().stream().map(Match::ruleId).toList()).toList();
    }

    /** The per-category table: how many comments, how many the rules got right, and what they did. */
    static String table() {
        Map<String, int[]> rows = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            int[] row = rows.computeIfAbsent(outcome.labelled().category() + "\t" + outcome.labelled().expected(), k -> new int[5]);
            row[0]++;
            row[1] += outcome.right() ? 1 : 0;
            switch (outcome.verdict().status()) {
                case REJECTED -> row[2]++;
                case PENDING -> row[3]++;
                default -> row[4] += outcome.verdict().flagged() ? 1 : 0;
            }
        }
        StringBuilder table = new StringBuilder("| category | expected | comments | right | share right | rejected | held | flagged (visible) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        rows.forEach((key, row) -> {
            String[] parts = key.split("\t");
            table.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %d | %.2f | %d | %d | %d |%n", parts[0], parts[1],
                    row[0], row[1], (double) row[1] / row[0], row[2], row[3], row[4]));
        });
        List<Outcome> mustHold = outcomes.stream().filter(o -> Set.of("hold", "reject").contains(o.labelled().expected())).toList();
        List<Outcome> mustStay = outcomes.stream().filter(o -> o.labelled().expected().equals("visible")).toList();
        table.append(String.format(java.util.Locale.ROOT, "%nRecall on must-hold: %d of %d (%.3f). False holds on must-stay-visible: %d of %d (%.3f).%n",
                mustHold.stream().filter(Outcome::heldOrRejected).count(), mustHold.size(),
                (double) mustHold.stream().filter(Outcome::heldOrRejected).count() / mustHold.size(),
                mustStay.stream().filter(Outcome::heldOrRejected).count(), mustStay.size(),
                (double) mustStay.stream().filter(Outcome::heldOrRejected).count() / mustStay.size()));
        return table.toString();
    }
}
