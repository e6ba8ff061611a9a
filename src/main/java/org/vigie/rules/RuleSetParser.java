package org.vigie.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import org.vigie.rules.Submission.HistoryQuery.Scope;
import org.vigie.rules.conditions.CapsCondition;
import org.vigie.rules.conditions.Condition;
import org.vigie.rules.conditions.ContactCondition;
import org.vigie.rules.conditions.Context;
import org.vigie.rules.conditions.Durations;
import org.vigie.rules.conditions.FactConditions;
import org.vigie.rules.conditions.Field;
import org.vigie.rules.conditions.HistoryConditions;
import org.vigie.rules.conditions.LengthCondition;
import org.vigie.rules.conditions.LinksCondition;
import org.vigie.rules.conditions.Logical;
import org.vigie.rules.conditions.RegexCondition;
import org.vigie.rules.conditions.RepeatsCondition;
import org.vigie.rules.conditions.TextCondition;
import org.vigie.rules.lists.Contacts;
import org.vigie.rules.lists.DomainList;
import org.vigie.rules.lists.Grade;
import org.vigie.rules.lists.TextMode;
import org.vigie.rules.lists.WordList;
import org.vigie.rules.normalize.Family;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a rule set written in YAML (or JSON, which YAML includes), checks it, compiles it and runs its
 * tests. Every problem found is reported with its path, not just the first: an admin fixes them all in
 * one go.
 */
public final class RuleSetParser {

    // The budget of a rule set, checked before anything is compiled, so that the largest rule set that
    // passes compiles and runs its tests within 256 MB of heap (LargestRuleSetTest).
    static final int MAX_RULES = 500;
    /** Entries in one list. */
    static final int MAX_ENTRIES_PER_LIST = 10_000;
    /** Entries in all lists together, named or written inline in rules. */
    static final int MAX_LIST_ENTRIES = 20_000;
    /** Characters in one entry. */
    static final int MAX_ENTRY_LENGTH = 100;
    /** Letters of every list searched in substring mode: the automaton those searches build grows with them. */
    static final int MAX_SUBSTRING_LETTERS = 100_000;
    static final int MAX_PATTERN_LENGTH = 2_000;
    /** Errors reported for one document: enough to fix a batch, not an answer as big as the document. */
    static final int MAX_ERRORS = 100;
    /** Characters of the document; the HTTP layer already refuses more than 1 MB. */
    static final int MAX_DOCUMENT_CHARACTERS = 1_000_000;
    /** The reasons a report rule may name: those readers can give. */
    static final List<String> REPORT_REASONS = Arrays.stream(ReportReason.values()).map(Enum::name).toList();
    static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^{}]*)}");
    static final Set<String> PLACEHOLDERS = Set.of("match.original", "match.normalized", "match.field", "match.grade", "rule.id");
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** YAML without its bombs: few aliases, shallow nesting, a bounded document. */
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_DOCUMENT_CHARACTERS + 1);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** One compilation at a time in this process: each fits the budget above, several at once might not. */
    private static final ReentrantLock COMPILING = new ReentrantLock(true);

    /** Reads a list file shipped with Vigie (under {@code rules/lists/}), by its file name. */
    public static final Function<String, Optional<List<String>>> SHIPPED_LISTS = RuleSetParser::readShippedList;

    /**
     * Entries of the shipped list files read so far, by file name: the files never change while Vigie runs,
     * so each is read once, not on every parse. Only files that exist are kept.
     */
    private static final Map<String, List<String>> SHIPPED_ENTRIES = new ConcurrentHashMap<>();

    private final Function<String, Optional<List<String>>> listFiles;

    public RuleSetParser(Function<String, Optional<List<String>>> listFiles) {
        this.listFiles = listFiles;
    }

    public RuleSetParser() {
        this(SHIPPED_LISTS);
    }

    /** Compiles the document and runs its tests, or throws with every error found. */
    public RuleSet parse(String document) throws InvalidRuleSet {
        return compileAlone(new Compilation(document, true));
    }

    /** Compiles a document whose tests passed when it was stored, without running them again. */
    public RuleSet parseTested(String document) throws InvalidRuleSet {
        return compileAlone(new Compilation(document, false));
    }

    private static RuleSet compileAlone(Compilation compilation) throws InvalidRuleSet {
        COMPILING.lock();
        try {
            return compilation.run();
        } finally {
            COMPILING.unlock();
        }
    }

    /** One run of the parser over one document, collecting errors as it goes. */
    private final class Compilation {
        private final String document;
        private final List<RuleSetError> errors = new ArrayList<>();
        private final Map<String, List<String>> listEntries = new HashMap<>();
        private final Map<String, WordList.Options> listOptions = new HashMap<>();
        private final Map<String, WordList> wordLists = new HashMap<>();
        private final Map<String, DomainList> domainLists = new HashMap<>();
        private final Set<WordList> substringLists = Collections.newSetFromMap(new IdentityHashMap<>());
        private int entriesSoFar;
        private int substringLetters;

        private final boolean runTests;

        Compilation(String document, boolean runTests) {
            this.document = document == null ? "" : document;
            this.runTests = runTests;
        }

        RuleSet run() throws InvalidRuleSet {
            if (document.length() > MAX_DOCUMENT_CHARACTERS) {
                throw new InvalidRuleSet(List.of(new RuleSetError("", "is " + document.length() + " characters long; at most "
                        + MAX_DOCUMENT_CHARACTERS + " are allowed")));
            }
            JsonNode root;
            try {
                root = YAML.readTree(document);
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
                throw new InvalidRuleSet(List.of(new RuleSetError("", "not valid YAML or JSON" + where + ": "
                        + e.getOriginalMessage())));
            } catch (RuntimeException e) {
                // SnakeYAML's own limits (aliases, nesting, size) are not always wrapped by Jackson.
                throw new InvalidRuleSet(List.of(new RuleSetError("", "not valid YAML or JSON: " + e.getMessage())));
            }
            if (root == null || !root.isObject()) {
                throw new InvalidRuleSet(List.of(new RuleSetError("", "must be a mapping with lists, rules and tests")));
            }
            allowOnly(root, "", "name", "description", "lists", "rules", "tests");
            readLists(root.get("lists"));
            if (!errors.isEmpty()) {
                // Lists over the budget are not compiled, nor the rules that use them.
                throw new InvalidRuleSet(errors);
            }
            List<Rule> rules = readRules(root.get("rules"));
            if (!errors.isEmpty()) {
                throw new InvalidRuleSet(errors);
            }
            int tests = runTests ? runTests(root.get("tests"), rules) : countTests(root.get("tests"));
            if (!errors.isEmpty()) {
                throw new InvalidRuleSet(errors);
            }
            List<Rule> ordered = new ArrayList<>(rules);
            // Stable sort: equal priorities keep their file order.
            ordered.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
            return new RuleSet(ordered, document, tests);
        }

        // ----- lists -----------------------------------------------------------------------------

        private void readLists(JsonNode lists) {
            if (lists == null || lists.isNull()) {
                return;
            }
            if (!lists.isObject()) {
                error("lists", "must map list names to entries");
                return;
            }
            int total = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = lists.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> list = it.next();
                String path = "lists." + list.getKey();
                if (!NAME.matcher(list.getKey()).matches()) {
                    error(path, "list names are 1 to 64 of A-Z, a-z, 0-9, '_', '.' and '-'");
                    continue;
                }
                List<String> entries = new ArrayList<>();
                JsonNode value = list.getValue();
                if (value.isArray()) {
                    readEntries(value, path, entries);
                } else if (value.isObject()) {
                    allowOnly(value, path, "file", "entries", "words", "phrases", "domains", "description", "grade", "family");
                    listOptions.put(list.getKey(), listOptions(value, path));
                    for (String key : List.of("entries", "words", "phrases", "domains")) {
                        if (value.has(key)) {
                            readEntries(value.get(key), path + "." + key, entries);
                        }
                    }
                    if (value.has("file")) {
                        String file = value.get("file").asText();
                        Optional<List<String>> lines = value.get("file").isTextual() ? listFiles.apply(file)
                                : Optional.empty();
                        if (lines.isEmpty()) {
                            error(path + ".file", "no shipped list file named '" + file + "'");
                        } else {
                            entries.addAll(lines.get());
                        }
                    }
                } else {
                    error(path, "must be a list of entries, or a mapping with file and/or entries");
                }
                if (entries.size() > MAX_ENTRIES_PER_LIST) {
                    error(path, "holds " + entries.size() + " entries; at most " + MAX_ENTRIES_PER_LIST + " are allowed in one list");
                }
                total += entries.size();
                listEntries.put(list.getKey(), entries);
            }
            entriesSoFar = total;
            if (total > MAX_LIST_ENTRIES) {
                error("lists", "hold " + total + " entries; at most " + MAX_LIST_ENTRIES + " are allowed");
            }
        }

        /** A list's grade (mild, strong, hate) and the language whose word families it catches (fr, en). */
        private WordList.Options listOptions(JsonNode list, String path) {
            Grade grade = null;
            Family family = null;
            if (list.has("grade")) {
                grade = enumOf(Grade.class, list.get("grade").asText()).orElse(null);
                if (grade == null || !list.get("grade").isTextual()) {
                    error(path + ".grade", "must be mild, strong or hate");
                }
            }
            if (list.has("family")) {
                family = enumOf(Family.class, list.get("family").asText()).orElse(null);
                if (family == null || !list.get("family").isTextual()) {
                    error(path + ".family", "must be fr or en: the language whose inflected and derived forms the words catch");
                }
            }
            return new WordList.Options(grade, family);
        }

        private void readEntries(JsonNode node, String path, List<String> into) {
            if (!node.isArray()) {
                error(path, "must be a list of strings");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                if (!entry.isTextual() && !entry.isNumber()) {
                    error(path + "[" + i + "]", "must be a string");
                } else if (entry.asText().strip().length() > MAX_ENTRY_LENGTH) {
                    error(path + "[" + i + "]", "is longer than " + MAX_ENTRY_LENGTH + " characters");
                } else if (!entry.asText().isBlank()) {
                    into.add(entry.asText().strip());
                }
            }
        }

        /** A word list given by name, or inline as an array of entries. */
        private WordList wordList(JsonNode node, String path) {
            return list(node, path, wordLists,
                    (name, entries) -> WordList.of(entries, listOptions.getOrDefault(name, WordList.Options.NONE)));
        }

        /** A domain list given by name, or inline as an array of entries. */
        private DomainList domainList(JsonNode node, String path) {
            return list(node, path, domainLists, (name, entries) -> DomainList.of(entries));
        }

        /** A list given by name, compiled once however many rules name it, or inline as an array of entries. */
        private <L> L list(JsonNode node, String path, Map<String, L> compiled, BiFunction<String, List<String>, L> compile) {
            if (!node.isTextual()) {
                List<String> entries = new ArrayList<>();
                readEntries(node, path, entries);
                entriesSoFar += entries.size();
                if (entries.size() > MAX_ENTRIES_PER_LIST || entriesSoFar > MAX_LIST_ENTRIES) {
                    error(path, "brings the lists to " + entriesSoFar + " entries; at most " + MAX_LIST_ENTRIES
                            + " are allowed, " + MAX_ENTRIES_PER_LIST + " in one list");
                    return null;
                }
                return compile.apply(null, entries);
            }
            String name = node.asText();
            if (!listEntries.containsKey(name)) {
                error(path, "unknown list '" + name + "'" + knownLists());
                return null;
            }
            return compiled.computeIfAbsent(name, n -> compile.apply(n, listEntries.get(n)));
        }

        private String knownLists() {
            return listEntries.isEmpty() ? " (no list is defined)" : " (lists: " + String.join(", ", listEntries.keySet()) + ")";
        }

        // ----- rules -----------------------------------------------------------------------------

        private List<Rule> readRules(JsonNode node) {
            List<Rule> rules = new ArrayList<>();
            if (node == null || node.isNull()) {
                return rules;
            }
            if (!node.isArray()) {
                error("rules", "must be a list of rules");
                return rules;
            }
            if (node.size() > MAX_RULES) {
                error("rules", "has " + node.size() + " rules; at most " + MAX_RULES + " are allowed");
                return rules;
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String path = "rules[" + i + "]";
                JsonNode rule = node.get(i);
                if (!rule.isObject()) {
                    error(path, "must be a mapping");
                    continue;
                }
                allowOnly(rule, path, "id", "description", "priority", "on", "when", "action", "explain", "mode", "reopen");
                String id = text(rule, "id", path, true);
                if (id != null && !NAME.matcher(id).matches()) {
                    error(path + ".id", "rule ids are 1 to 64 of A-Z, a-z, 0-9, '_', '.' and '-'");
                } else if (id != null && !ids.add(id)) {
                    error(path + ".id", "'" + id + "' is the id of an earlier rule");
                }
                int priority = 0;
                if (rule.has("priority")) {
                    if (rule.get("priority").isIntegralNumber() && rule.get("priority").canConvertToInt()) {
                        priority = rule.get("priority").intValue();
                    } else {
                        error(path + ".priority", "must be a whole number");
                    }
                }
                Set<Submission.Event> on = events(rule.get("on"), path + ".on");
                Condition when = null;
                if (!rule.has("when")) {
                    error(path + ".when", "is required");
                } else {
                    when = condition(rule.get("when"), path + ".when");
                }
                Action action = keyword(rule, "action", path, Action.class, null);
                if (!rule.has("action")) {
                    error(path + ".action", "is required: approve, hold, reject or flag");
                }
                Mode mode = keyword(rule, "mode", path, Mode.class, Mode.ENFORCE);
                String explain = rule.has("explain") ? text(rule, "explain", path, true) : "Règle {rule.id}";
                if (explain != null) {
                    checkPlaceholders(explain, path + ".explain");
                }
                boolean reopen = false;
                if (rule.has("reopen")) {
                    if (rule.get("reopen").isBoolean()) {
                        reopen = rule.get("reopen").booleanValue();
                    } else {
                        error(path + ".reopen", "must be true or false");
                    }
                }
                if (id != null && when != null && action != null && mode != null && explain != null) {
                    rules.add(new Rule(id, priority, on, when, action, explain, mode, reopen));
                }
            }
            return rules;
        }

        private Set<Submission.Event> events(JsonNode node, String path) {
            if (node == null) {
                return EnumSet.of(Submission.Event.CREATE, Submission.Event.EDIT);
            }
            Set<Submission.Event> events = EnumSet.noneOf(Submission.Event.class);
            for (JsonNode event : node.isArray() ? node : List.of(node)) {
                Optional<Submission.Event> parsed = enumOf(Submission.Event.class, event.asText());
                if (!event.isTextual() || parsed.isEmpty()) {
                    error(path, "'" + event.asText() + "' is not an event: create, edit or report");
                } else {
                    events.add(parsed.get());
                }
            }
            if (events.isEmpty() && node.isArray()) {
                error(path, "names no event: create, edit or report");
            }
            return events;
        }

        private void checkPlaceholders(String template, String path) {
            Matcher placeholder = PLACEHOLDER.matcher(template);
            while (placeholder.find()) {
                if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                    error(path, "unknown placeholder {" + placeholder.group(1) + "}; use " + PLACEHOLDERS);
                }
            }
        }

        // ----- conditions ------------------------------------------------------------------------

        private Condition condition(JsonNode node, String path) {
            if (node == null || !node.isObject() || node.isEmpty()) {
                error(path, "must be a condition: all, any, not, text, regex, links, contact, caps, repeats, length,"
                        + " duplicate, rate, author, article or reports");
                return null;
            }
            List<Condition> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> part = it.next();
                Condition condition = leaf(part.getKey(), part.getValue(), path + "." + part.getKey());
                if (condition != null) {
                    parts.add(condition);
                }
            }
            // Several keys in one mapping must all hold.
            return parts.size() == 1 ? parts.get(0) : new Logical.All(parts);
        }

        private Condition leaf(String kind, JsonNode node, String path) {
            return switch (kind) {
                case "all", "any" -> {
                    if (!node.isArray() || node.isEmpty()) {
                        error(path, "must be a non-empty list of conditions");
                        yield null;
                    }
                    List<Condition> conditions = new ArrayList<>();
                    for (int i = 0; i < node.size(); i++) {
                        conditions.add(condition(node.get(i), path + "[" + i + "]"));
                    }
                    yield kind.equals("all") ? new Logical.All(conditions) : new Logical.Any(conditions);
                }
                case "not" -> {
                    Condition inner = condition(node, path);
                    yield inner == null ? null : new Logical.Not(inner);
                }
                case "text" -> text(node, path);
                case "regex" -> regex(node, path);
                case "links" -> links(node, path);
                case "contact" -> contact(node, path);
                case "caps" -> caps(node, path);
                case "repeats" -> repeats(node, path);
                case "length" -> length(node, path);
                case "duplicate" -> duplicate(node, path);
                case "rate" -> rate(node, path);
                case "author" -> author(node, path);
                case "article" -> article(node, path);
                case "reports" -> reports(node, path);
                default -> {
                    error(path, "unknown condition '" + kind + "'");
                    yield null;
                }
            };
        }

        private Condition text(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "list", "mode", "fields", "except");
            if (!node.has("list")) {
                error(path + ".list", "is required: the name of a list, or a list of entries");
                return null;
            }
            WordList list = wordList(node.get("list"), path + ".list");
            TextMode mode = TextMode.WORD;
            if (node.has("mode")) {
                Optional<TextMode> parsed = TextMode.of(node.get("mode").asText());
                if (parsed.isEmpty()) {
                    error(path + ".mode", "must be word, phrase, prefix or substring");
                } else {
                    mode = parsed.get();
                }
            }
            if (mode == TextMode.SUBSTRING && list != null && substringLists.add(list)) {
                substringLetters += list.substringLetters();
                if (substringLetters > MAX_SUBSTRING_LETTERS) {
                    error(path + ".list", "brings the lists searched as substrings to " + substringLetters + " letters; at most "
                            + MAX_SUBSTRING_LETTERS + " are allowed");
                }
            }
            List<Field> fields = fields(node.get("fields"), path + ".fields");
            WordList except = node.has("except") ? wordList(node.get("except"), path + ".except") : null;
            return list == null || fields == null ? null : new TextCondition(list, mode, fields, except);
        }

        private List<Field> fields(JsonNode node, String path) {
            if (node == null) {
                return List.of(Field.BODY);
            }
            Set<Field> fields = new LinkedHashSet<>();
            if (node.isArray() && node.isEmpty()) {
                error(path, "names no field: body, authorName or both");
                return null;
            }
            for (JsonNode field : node.isArray() ? node : List.of(node)) {
                Optional<Field> parsed = Field.of(field.asText());
                if (parsed.isEmpty()) {
                    error(path, "'" + field.asText() + "' is not a field: body or authorName");
                    return null;
                }
                fields.add(parsed.get());
            }
            return List.copyOf(fields);
        }

        private Condition regex(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "pattern", "fields", "read");
            String source = text(node, "pattern", path, true);
            List<Field> fields = fields(node.get("fields"), path + ".fields");
            boolean asTyped = false;
            if (node.has("read")) {
                String read = node.get("read").asText();
                if (read.equals("typed")) {
                    asTyped = true;
                } else if (!read.equals("folded")) {
                    error(path + ".read", "must be folded (lowercase, no accents, no look-alikes; the default) or typed");
                }
            }
            if (source == null) {
                return null;
            }
            if (source.length() > MAX_PATTERN_LENGTH) {
                error(path + ".pattern", "is longer than " + MAX_PATTERN_LENGTH + " characters");
                return null;
            }
            Optional<String> tooBig = RegexLimits.check(source);
            if (tooBig.isPresent()) {
                error(path + ".pattern", tooBig.get());
                return null;
            }
            try {
                Pattern pattern = Pattern.compile(source);
                return fields == null ? null : new RegexCondition(pattern, fields, asTyped);
            } catch (PatternSyntaxException e) {
                error(path + ".pattern", "is not a valid RE2 pattern: " + e.getMessage());
                return null;
            }
        }

        private Condition links(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "atLeast", "to", "ignoring");
            DomainList to = node.has("to") ? domainList(node.get("to"), path + ".to") : null;
            DomainList ignoring = node.has("ignoring") ? domainList(node.get("ignoring"), path + ".ignoring") : null;
            Long atLeast = number(node, "atLeast", path, 1, 1000);
            if (!node.has("to") && !node.has("atLeast")) {
                error(path, "needs atLeast (a number of links) or to (a domain list)");
                return null;
            }
            return new LinksCondition(atLeast == null ? 1 : atLeast.intValue(), to, ignoring);
        }

        private Condition contact(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "kinds", "region");
            Set<Contacts.Kind> kinds = EnumSet.allOf(Contacts.Kind.class);
            if (node.has("kinds")) {
                kinds = EnumSet.noneOf(Contacts.Kind.class);
                JsonNode list = node.get("kinds");
                for (JsonNode kind : list.isArray() ? list : List.of(list)) {
                    Optional<Contacts.Kind> parsed = enumOf(Contacts.Kind.class, kind.asText());
                    if (!kind.isTextual() || parsed.isEmpty()) {
                        error(path + ".kinds", "'" + kind.asText() + "' is not a kind of contact: phone, email or handle");
                        return null;
                    }
                    kinds.add(parsed.get());
                }
                if (kinds.isEmpty()) {
                    error(path + ".kinds", "names no kind of contact: phone, email, handle");
                    return null;
                }
            }
            String region = "FR";
            if (node.has("region")) {
                region = node.get("region").asText().toUpperCase(Locale.ROOT);
                if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
                    error(path + ".region", "'" + node.get("region").asText() + "' is not a country code such as FR, BE, CH or CA");
                    return null;
                }
            }
            return new ContactCondition(Set.copyOf(kinds), region);
        }

        private Condition caps(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "ratio", "minLetters");
            Double ratio = fraction(node, "ratio", path);
            Long minLetters = number(node, "minLetters", path, 1, 100_000);
            return new CapsCondition(ratio == null ? 0.7 : ratio, minLetters == null ? 20 : minLetters.intValue());
        }

        private Condition repeats(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "chars", "words");
            Long chars = number(node, "chars", path, 2, 10_000);
            Long words = number(node, "words", path, 2, 10_000);
            if (chars == null && words == null) {
                error(path, "needs chars or words");
                return null;
            }
            return new RepeatsCondition(chars == null ? 0 : chars.intValue(), words == null ? 0 : words.intValue());
        }

        private Condition length(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "min", "max");
            Long min = number(node, "min", path, 0, 1_000_000);
            Long max = number(node, "max", path, 0, 1_000_000);
            if (min == null && max == null) {
                error(path, "needs min or max");
                return null;
            }
            return new LengthCondition(min == null ? null : min.intValue(), max == null ? null : max.intValue());
        }

        private Condition duplicate(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "within", "by");
            Duration within = duration(node, "within", path, true);
            List<Scope> by = scopes(node.get("by"), path + ".by", List.of(Scope.EMAIL, Scope.IP));
            return within == null || by == null ? null : new HistoryConditions.Duplicate(within, by);
        }

        private Condition rate(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "atLeast", "within", "minInterval", "by");
            List<Scope> by = scopes(node.get("by"), path + ".by", List.of(Scope.IP));
            if (by != null && by.size() != 1) {
                error(path + ".by", "must name one of ip, email or article");
                return null;
            }
            if (node.has("minInterval")) {
                Duration interval = duration(node, "minInterval", path, true);
                return interval == null || by == null ? null : new HistoryConditions.Rate(1, interval, by.get(0));
            }
            Long atLeast = number(node, "atLeast", path, 1, 1_000_000);
            Duration within = duration(node, "within", path, true);
            if (atLeast == null) {
                error(path + ".atLeast", "is required (comments before this one), unless minInterval is given");
            }
            return atLeast == null || within == null || by == null ? null
                    : new HistoryConditions.Rate(atLeast, within, by.get(0));
        }

        private List<Scope> scopes(JsonNode node, String path, List<Scope> byDefault) {
            if (node == null) {
                return byDefault;
            }
            List<Scope> scopes = new ArrayList<>();
            if (node.isArray() && node.isEmpty()) {
                error(path, "names nothing: ip, email or article");
                return null;
            }
            for (JsonNode scope : node.isArray() ? node : List.of(node)) {
                Optional<Scope> parsed = enumOf(Scope.class, scope.asText());
                if (parsed.isEmpty()) {
                    error(path, "'" + scope.asText() + "' is not ip, email or article");
                    return null;
                }
                scopes.add(parsed.get());
            }
            return scopes;
        }

        private Condition author(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "approvedAtLeast", "approvedAtMost", "rejectedAtLeast", "rejectedRatioAbove", "banned",
                    "premoderated");
            if (node.isEmpty()) {
                error(path, "needs at least one of approvedAtLeast, approvedAtMost, rejectedAtLeast, rejectedRatioAbove,"
                        + " banned, premoderated");
                return null;
            }
            return new FactConditions.Author(number(node, "approvedAtLeast", path, 0, Long.MAX_VALUE),
                    number(node, "approvedAtMost", path, 0, Long.MAX_VALUE),
                    number(node, "rejectedAtLeast", path, 0, Long.MAX_VALUE), fraction(node, "rejectedRatioAbove", path),
                    bool(node, "banned", path), bool(node, "premoderated", path));
        }

        private Condition article(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "premoderated", "open", "olderThan", "newerThan");
            if (node.isEmpty()) {
                error(path, "needs at least one of premoderated, open, olderThan, newerThan");
                return null;
            }
            return new FactConditions.Article(bool(node, "premoderated", path), bool(node, "open", path),
                    duration(node, "olderThan", path, false), duration(node, "newerThan", path, false));
        }

        private Condition reports(JsonNode node, String path) {
            if (!isMapping(node, path)) {
                return null;
            }
            allowOnly(node, path, "reportersAtLeast", "reasons");
            Long reporters = number(node, "reportersAtLeast", path, 1, 1_000_000);
            Set<String> reasons = null;
            if (node.has("reasons")) {
                reasons = new HashSet<>();
                JsonNode listed = node.get("reasons");
                for (JsonNode reason : listed.isArray() ? listed : List.of(listed)) {
                    String name = reason.asText().toUpperCase(Locale.ROOT);
                    if (!REPORT_REASONS.contains(name)) {
                        error(path + ".reasons", "'" + reason.asText() + "' is not a report reason: " + REPORT_REASONS);
                    }
                    reasons.add(name);
                }
            }
            return new FactConditions.Reports(reporters == null ? null : reporters.intValue(), reasons);
        }

        // ----- tests -----------------------------------------------------------------------------

        private int runTests(JsonNode node, List<Rule> rules) {
            if (node == null || node.isNull()) {
                return 0;
            }
            if (!node.isArray()) {
                error("tests", "must be a list of {rule, match, noMatch}");
                return 0;
            }
            Map<String, Rule> byId = new HashMap<>();
            rules.forEach(rule -> byId.put(rule.id(), rule));
            int count = 0;
            for (int i = 0; i < node.size(); i++) {
                String path = "tests[" + i + "]";
                JsonNode test = node.get(i);
                if (!test.isObject()) {
                    error(path, "must be a mapping with rule, match and/or noMatch");
                    continue;
                }
                allowOnly(test, path, "rule", "match", "noMatch");
                String id = text(test, "rule", path, true);
                Rule rule = id == null ? null : byId.get(id);
                if (id != null && rule == null) {
                    error(path + ".rule", "no rule has the id '" + id + "'");
                    continue;
                }
                if (rule == null) {
                    continue;
                }
                count += check(rule, test.get("match"), path + ".match", true);
                count += check(rule, test.get("noMatch"), path + ".noMatch", false);
            }
            return count;
        }

        private int countTests(JsonNode node) {
            int count = 0;
            if (node != null && node.isArray()) {
                for (JsonNode test : node) {
                    count += test.path("match").size() + test.path("noMatch").size();
                }
            }
            return count;
        }

        private int check(Rule rule, JsonNode samples, String path, boolean shouldMatch) {
            if (samples == null) {
                return 0;
            }
            if (!samples.isArray()) {
                error(path, "must be a list of texts");
                return 0;
            }
            for (int j = 0; j < samples.size(); j++) {
                JsonNode sample = samples.get(j);
                String body;
                String authorName = "";
                if (sample.isObject()) {
                    body = sample.path("body").asText("");
                    authorName = sample.path("authorName").asText("");
                } else {
                    body = sample.asText();
                }
                boolean matched = rule.when().test(new Context(Submission.comment(body).withAuthorName(authorName))) != null;
                if (matched != shouldMatch) {
                    error(path + "[" + j + "]", "rule '" + rule.id() + "' " + (shouldMatch ? "does not match" : "matches")
                            + " « " + abbreviate(body.isEmpty() ? authorName : body) + " »");
                }
            }
            return samples.size();
        }

        // ----- helpers ---------------------------------------------------------------------------

        private boolean isMapping(JsonNode node, String path) {
            if (!node.isObject()) {
                error(path, "must be a mapping");
                return false;
            }
            return true;
        }

        private void allowOnly(JsonNode node, String path, String... keys) {
            Set<String> allowed = Set.of(keys);
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    error(path.isEmpty() ? name : path + "." + name, "unknown key; expected one of " + String.join(", ", keys));
                }
            }
        }

        private String text(JsonNode node, String key, String path, boolean required) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    error(path + "." + key, "is required");
                }
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                error(path + "." + key, "must be a non-empty string");
                return null;
            }
            return value.asText();
        }

        private <E extends Enum<E>> E keyword(JsonNode node, String key, String path, Class<E> type, E byDefault) {
            JsonNode value = node.get(key);
            if (value == null) {
                return byDefault;
            }
            Optional<E> parsed = value.isTextual() ? enumOf(type, value.asText()) : Optional.empty();
            if (parsed.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    names.add(constant.name().toLowerCase(Locale.ROOT));
                }
                error(path + "." + key, "'" + value.asText() + "' is not one of " + String.join(", ", names));
                return null;
            }
            return parsed.get();
        }

        private Long number(JsonNode node, String key, String path, long min, long max) {
            JsonNode value = node.get(key);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
                error(path + "." + key, "must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
                return null;
            }
            return value.longValue();
        }

        private Double fraction(JsonNode node, String key, String path) {
            JsonNode value = node.get(key);
            if (value == null) {
                return null;
            }
            if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 1) {
                error(path + "." + key, "must be a number from 0 to 1");
                return null;
            }
            return value.doubleValue();
        }

        private Boolean bool(JsonNode node, String key, String path) {
            JsonNode value = node.get(key);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                error(path + "." + key, "must be true or false");
                return null;
            }
            return value.booleanValue();
        }

        private Duration duration(JsonNode node, String key, String path, boolean required) {
            JsonNode value = node.get(key);
            if (value == null) {
                if (required) {
                    error(path + "." + key, "is required, such as 30s, 10m, 24h or 7d");
                }
                return null;
            }
            Optional<Duration> parsed = Durations.parse(value.asText());
            if (parsed.isEmpty() || parsed.get().compareTo(Duration.ofSeconds(1)) < 0
                    || parsed.get().compareTo(Duration.ofDays(366)) > 0) {
                error(path + "." + key, "must be a duration such as 30s, 10m, 24h or 7d, from a second to a year");
                return null;
            }
            return parsed.get();
        }

        private void error(String path, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RuleSetError(path, message));
            } else if (errors.size() == MAX_ERRORS) {
                errors.add(new RuleSetError("", "more errors follow; fix these first"));
            }
        }
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String keyword) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(keyword)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }

    private static Optional<List<String>> readShippedList(String file) {
        if (!file.matches("[A-Za-z0-9_.-]+\\.txt")) {
            return Optional.empty();
        }
        return Optional.ofNullable(SHIPPED_ENTRIES.computeIfAbsent(file, RuleSetParser::readShippedEntries));
    }

    /** The entries of a shipped list file, or null if there is no such file. */
    private static List<String> readShippedEntries(String file) {
        try (InputStream in = RuleSetParser.class.getResourceAsStream("/rules/lists/" + file)) {
            if (in == null) {
                return null;
            }
            List<String> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            return null;
        }
    }
}
