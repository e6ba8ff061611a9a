package org.vigie.rules.lists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.vigie.rules.normalize.Family;
import org.vigie.rules.normalize.NormalizedText;
import org.vigie.rules.normalize.Runs;
import org.vigie.rules.normalize.Token;

/**
 * A list of words and phrases compiled for matching against normalised text. Entries are normalised
 * like the text and indexed by their letters with runs written once ({@link Runs}), so that a stretched
 * word finds its entry in one hash probe; prefixes are a set probe per length and substrings one
 * Aho-Corasick pass. The cost of a match barely depends on how long the list is.
 */
public final class WordList {

    /** Endings that make the plural and feminine forms of French and English words. */
    static final List<String> INFLECTIONS = List.of("", "s", "x", "e", "es");

    /** A list entry found in a text: the entry, the form of it that was read, and where. */
    public record Found(String entry, String normalized, Token span) {
    }

    /**
     * How a list reads: the grade of its entries, if it has one, and the language whose word families its
     * single words catch, if any.
     */
    public record Options(Grade grade, Family family) {
        public static final Options NONE = new Options(null, null);
    }

    /**
     * A word's family is read from stems of at least this many letters: shorter ones are shared by too many
     * innocent words (con, cône, conte; bais- of baiser and baisse).
     */
    static final int FAMILY_MIN_LETTERS = 5;
    static final int FAMILY_HEAD = 3;

    /** One spelling of an entry: itself, or a plural or feminine form. */
    private record Form(String entry, String spelling, Runs runs, boolean exact) {
    }

    /** An entry of several words; each word with its forms (the first is the word as listed). */
    private record Phrase(String entry, List<List<Form>> words) {
    }

    private final Map<String, List<Form>> words = new HashMap<>();
    private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private final Map<String, String> prefixEntries = new HashMap<>();
    private final int longestPrefix;
    private final Map<String, String> substringEntries = new HashMap<>();
    private volatile Trie substrings;
    private final int size;
    private final Options options;
    /** Single-word entries by the stem of their family. */
    private final Map<String, String> families = new HashMap<>();
    /**
     * The first letters of those stems, runs written once: a stemmer cuts endings and doubled letters, so
     * a word whose first letters are none of these cannot be in a family, and is not stemmed at all.
     */
    private final Set<String> familyHeads = new HashSet<>();
    /** The longest spelling of a single-word entry: a word read from pieces that is longer matches none. */
    private int longestSpelling;
    /**
     * The first two letters of every word an entry can begin with (words, first words of phrases, family
     * stems), as a table of letter pairs: most words of a text begin like no entry, and are passed over
     * without hashing them.
     */
    private final boolean[] openings = new boolean[PAIRS * PAIRS];
    private static final int PAIRS = 28;
    /** Every spelling of the single-word entries, by length: what a masked word is compared with. */
    private final Map<Integer, List<Form>> byLength = new HashMap<>();

    private WordList(Collection<String> entries, Options options) {
        this.options = options;
        int longest = 0;
        int count = 0;
        for (String entry : entries) {
            List<Token> tokens = NormalizedText.of(entry).tokens();
            if (tokens.isEmpty()) {
                continue;
            }
            count++;
            List<String> folded = tokens.stream().map(token -> token.variants().get(0)).toList();
            if (folded.size() == 1) {
                for (Form form : forms(entry, folded.get(0))) {
                    words.computeIfAbsent(form.runs().letters(), k -> new ArrayList<>()).add(form);
                    byLength.computeIfAbsent(form.spelling().length(), k -> new ArrayList<>()).add(form);
                    longestSpelling = Math.max(longestSpelling, form.spelling().length());
                }
                String letters = Runs.of(folded.get(0)).letters();
                if (options.family() != null) {
                    String stem = options.family().stem(folded.get(0));
                    if (stem.length() >= FAMILY_MIN_LETTERS) {
                        families.putIfAbsent(stem, entry);
                        familyHeads.add(head(Runs.of(stem).letters()));
                    }
                }
                prefixes.add(letters);
                prefixEntries.putIfAbsent(letters, entry);
                longest = Math.max(longest, letters.length());
            } else {
                List<List<Form>> phraseWords = folded.stream().map(word -> forms(entry, word)).toList();
                Phrase phrase = new Phrase(entry, phraseWords);
                for (Form first : phraseWords.get(0)) {
                    List<Phrase> starting = phrasesByFirstWord.computeIfAbsent(first.runs().letters(), k -> new ArrayList<>());
                    if (!starting.contains(phrase)) {
                        starting.add(phrase);
                    }
                }
            }
            substringEntries.putIfAbsent(Runs.of(String.join("", folded)).letters(), entry);
        }
        this.longestPrefix = longest;
        this.size = count;
        words.keySet().forEach(this::open);
        phrasesByFirstWord.keySet().forEach(this::open);
        familyHeads.forEach(this::open);
    }

    private static List<Form> forms(String entry, String word) {
        List<Form> forms = new ArrayList<>(INFLECTIONS.size());
        for (String ending : INFLECTIONS) {
            String spelling = word + ending;
            forms.add(new Form(entry, spelling, Runs.of(spelling), ending.isEmpty()));
        }
        return forms;
    }

    public static WordList of(Collection<String> entries) {
        return new WordList(entries, Options.NONE);
    }

    public static WordList of(Collection<String> entries, Options options) {
        return new WordList(entries, options);
    }

    /** The grade of the list's entries, null if it has none. */
    public Grade grade() {
        return options.grade();
    }

    /** The letters a substring search indexes: what its automaton grows with. */
    public int substringLetters() {
        int letters = 0;
        for (String key : substringEntries.keySet()) {
            letters += key.length();
        }
        return letters;
    }

    public int size() {
        return size;
    }

    /**
     * Every entry found in the text, in text order. Exceptions are found first, as exact words and phrases
     * ("cône", "cul-de-sac", "gueule de bois"): an entry found on any of their words does not count.
     */
    public List<Found> find(NormalizedText text, TextMode mode, WordList except) {
        return findExcept(text, mode, except == null ? null : () -> except.exceptionsIn(text));
    }

    /**
     * As {@link #find(NormalizedText, TextMode, WordList)}, with the exceptions found in the text given by
     * the caller, who may have found them already for another list: asked for only when an entry is found.
     */
    public List<Found> findExcept(NormalizedText text, TextMode mode, Supplier<List<Found>> except) {
        List<Found> found = new ArrayList<>();
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            findAt(tokens, i, text, mode, found);
        }
        List<Token> spelledOut = text.spelledOut();
        for (int i = 0; i < spelledOut.size(); i++) {
            findAt(spelledOut, i, null, mode, found);
        }
        if (mode == TextMode.WORD) {
            findDisguised(text, found);
        }
        if (except == null || found.isEmpty()) {
            return found;
        }
        List<Found> exceptions = except.get();
        found.removeIf(hit -> exceptions.stream().anyMatch(exception -> exception.span().start() < hit.span().end()
                && hit.span().start() < exception.span().end()));
        return found;
    }

    /**
     * Words disguised by masks or cut in pieces ({@link NormalizedText#masked()}, {@link NormalizedText#joined()}),
     * where nothing was found already.
     */
    private void findDisguised(NormalizedText text, List<Found> found) {
        if (byLength.isEmpty()) {
            return;
        }
        for (Token masked : text.masked()) {
            if (!overlaps(found, masked)) {
                Found hit = unmasked(masked);
                if (hit != null) {
                    found.add(hit);
                }
            }
        }
        for (Token joined : text.joined()) {
            if (joined.text().length() > longestSpelling || overlaps(found, joined)) {
                continue;
            }
            for (Runs runs : joined.runs()) {
                if (!opens(runs.letters())) {
                    continue;
                }
                Found hit = word(runs, joined, true);
                if (hit != null) {
                    found.add(hit);
                    break;
                }
            }
        }
    }

    private void open(String letters) {
        openings[opening(letters)] = true;
    }

    /** Whether some entry, phrase or family can begin as these letters (runs written once) do. */
    private boolean opens(String letters) {
        return openings[opening(letters)];
    }

    private static int opening(String letters) {
        return pairIndex(letters, 0) * PAIRS + pairIndex(letters, 1);
    }

    /** a to z as 0 to 25, any other character as 26, no character as 27. */
    private static int pairIndex(String letters, int at) {
        if (at >= letters.length()) {
            return 27;
        }
        char c = letters.charAt(at);
        return c >= 'a' && c <= 'z' ? c - 'a' : 26;
    }

    /** The first letters of a word, runs written once: what a stem and the words of its family share. */
    private static String head(String letters) {
        return letters.length() <= FAMILY_HEAD ? letters : letters.substring(0, FAMILY_HEAD);
    }

    private static boolean overlaps(List<Found> found, Token token) {
        for (Found hit : found) {
            if (hit.span().start() < token.end() && token.start() < hit.span().end()) {
                return true;
            }
        }
        return false;
    }

    /** The entry a masked word hides: a spelling as long, with the same letters where they show. */
    private Found unmasked(Token masked) {
        for (String reading : masked.variants()) {
            List<Form> candidates = byLength.get(reading.length());
            if (candidates == null) {
                continue;
            }
            for (Form form : candidates) {
                if (fits(reading, form.spelling())) {
                    return new Found(form.entry(), form.spelling(), masked);
                }
            }
        }
        return null;
    }

    private static boolean fits(String masked, String spelling) {
        for (int k = 0; k < masked.length(); k++) {
            char c = masked.charAt(k);
            if (c != NormalizedText.MASK && c != spelling.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** This list's entries found in the text as exceptions to another list: exact words and phrases. */
    public List<Found> exceptionsIn(NormalizedText text) {
        return find(text, TextMode.PHRASE, null);
    }

    /** {@code text} tells where punctuation breaks phrases; null for spelled-out words, which stand alone. */
    private void findAt(List<Token> tokens, int index, NormalizedText text, TextMode mode, List<Found> found) {
        Token token = tokens.get(index);
        List<String> variants = token.variants();
        List<Runs> runs = token.runs();
        for (int v = 0; v < variants.size(); v++) {
            if ((mode == TextMode.WORD || mode == TextMode.PHRASE) && !opens(runs.get(v).letters())) {
                continue;
            }
            Found hit = switch (mode) {
                case WORD, PHRASE -> word(runs.get(v), token, mode == TextMode.WORD);
                case PREFIX -> prefix(runs.get(v).letters(), token);
                case SUBSTRING -> substring(runs.get(v).letters(), token);
            };
            if (hit == null && (mode == TextMode.WORD || mode == TextMode.PHRASE) && text != null) {
                hit = phrase(tokens, index, text, runs.get(v), mode == TextMode.WORD);
            }
            if (hit == null && mode == TextMode.WORD && !families.isEmpty() && variants.get(v).length() >= FAMILY_MIN_LETTERS
                    && familyHeads.contains(head(runs.get(v).letters()))) {
                String entry = families.get(token.stems(options.family()).get(v));
                hit = entry == null ? null : new Found(entry, variants.get(v), token);
            }
            if (hit != null) {
                found.add(hit);
                return;
            }
        }
    }

    private Found word(Runs typed, Token token, boolean inflect) {
        Form form = matching(words.get(typed.letters()), typed, inflect);
        return form == null ? null : new Found(form.entry(), form.spelling(), token);
    }

    private static Form matching(List<Form> forms, Runs typed, boolean inflect) {
        if (forms == null) {
            return null;
        }
        for (Form form : forms) {
            if ((inflect || form.exact()) && typed.reads(form.runs())) {
                return form;
            }
        }
        return null;
    }

    private Found phrase(List<Token> tokens, int index, NormalizedText text, Runs first, boolean inflect) {
        List<Phrase> candidates = phrasesByFirstWord.get(first.letters());
        if (candidates == null) {
            return null;
        }
        for (Phrase phrase : candidates) {
            int length = phrase.words().size();
            if (index + length > tokens.size()) {
                continue;
            }
            StringBuilder reading = new StringBuilder();
            boolean matches = true;
            for (int k = 0; k < length && matches; k++) {
                if (k > 0 && text.breakAfter(index + k - 1)) {
                    matches = false;
                    break;
                }
                Form form = null;
                for (Runs typed : k == 0 ? List.of(first) : tokens.get(index + k).runs()) {
                    form = matching(phrase.words().get(k), typed, inflect);
                    if (form != null) {
                        break;
                    }
                }
                matches = form != null;
                if (matches) {
                    reading.append(k == 0 ? "" : " ").append(form.spelling());
                }
            }
            if (matches) {
                Token last = tokens.get(index + length - 1);
                return new Found(phrase.entry(), reading.toString(),
                        new Token(reading.toString(), tokens.get(index).start(), last.end()));
            }
        }
        return null;
    }

    private Found prefix(String letters, Token token) {
        int limit = Math.min(letters.length(), longestPrefix);
        for (int length = 1; length <= limit; length++) {
            String head = letters.substring(0, length);
            if (prefixes.contains(head)) {
                return new Found(prefixEntries.get(head), letters, token);
            }
        }
        return null;
    }

    private Found substring(String letters, Token token) {
        Emit emit = substringTrie().firstMatch(letters);
        return emit == null ? null : new Found(substringEntries.get(emit.getKeyword()), letters, token);
    }

    private Trie substringTrie() {
        Trie trie = substrings;
        if (trie == null) {
            Trie.TrieBuilder builder = Trie.builder();
            substringEntries.keySet().forEach(builder::addKeyword);
            trie = builder.build();
            substrings = trie;
        }
        return trie;
    }
}
