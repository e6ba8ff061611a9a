package org.vigie.rules.lists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.vigie.rules.normalize.NormalizedText;
import org.vigie.rules.normalize.Token;

/**
 * A list of words and phrases compiled for matching against normalised text. Entries are normalised
 * like the text; lookups are hash probes (words, phrases), a trie walk (prefixes) or one Aho-Corasick
 * pass (substrings), so the cost of a match barely depends on how long the list is.
 */
public final class WordList {

    /** Endings that make the plural and feminine forms of French and English words. */
    static final List<String> INFLECTIONS = List.of("", "s", "x", "e", "es");

    /** A list entry found in a text. */
    public record Found(String entry, String normalized, Token span) {
    }

    private final Map<String, String> exactWords = new HashMap<>();
    private final Map<String, String> inflectedWords = new HashMap<>();
    private final Map<String, List<String[]>> phrasesByFirstWord = new HashMap<>();
    private final Map<String, String> phraseEntries = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private final Map<String, String> prefixEntries = new HashMap<>();
    private final int longestPrefix;
    private volatile Trie substrings;
    private final Map<String, String> substringEntries = new HashMap<>();
    private final int size;

    private WordList(Collection<String> entries) {
        int longest = 0;
        int count = 0;
        for (String entry : entries) {
            List<Token> words = NormalizedText.of(entry).tokens();
            if (words.isEmpty()) {
                continue;
            }
            count++;
            String[] folded = words.stream().map(Token::text).toArray(String[]::new);
            String joined = String.join(" ", folded);
            if (folded.length == 1) {
                exactWords.putIfAbsent(joined, entry);
                for (String ending : INFLECTIONS) {
                    inflectedWords.putIfAbsent(joined + ending, entry);
                }
                prefixes.add(joined);
                prefixEntries.putIfAbsent(joined, entry);
                longest = Math.max(longest, joined.length());
            } else {
                phrasesByFirstWord.computeIfAbsent(folded[0], w -> new ArrayList<>()).add(folded);
                phraseEntries.putIfAbsent(joined, entry);
            }
            substringEntries.putIfAbsent(joined.replace(" ", ""), entry);
        }
        this.longestPrefix = longest;
        this.size = count;
    }

    public static WordList of(Collection<String> entries) {
        return new WordList(entries);
    }

    public int size() {
        return size;
    }

    /**
     * Every entry found in the text, in text order. Exceptions are found first, as exact words and phrases
     * ("cône", "cul-de-sac", "chili con carne"): an entry found inside one does not count.
     */
    public List<Found> find(NormalizedText text, TextMode mode, WordList except) {
        List<Found> found = new ArrayList<>();
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            findAt(tokens, i, mode, found);
        }
        List<Token> spelledOut = text.spelledOut();
        for (int i = 0; i < spelledOut.size(); i++) {
            findAt(spelledOut, i, mode, found);
        }
        if (except == null || found.isEmpty()) {
            return found;
        }
        List<Found> protectedSpans = except.find(text, TextMode.PHRASE, null);
        found.removeIf(hit -> protectedSpans.stream().anyMatch(exception -> exception.span().start() <= hit.span().start()
                && hit.span().end() <= exception.span().end()));
        return found;
    }

    private void findAt(List<Token> tokens, int index, TextMode mode, List<Found> found) {
        Token token = tokens.get(index);
        for (String variant : token.variants()) {
            Found hit = switch (mode) {
                case WORD -> word(variant, token, inflectedWords);
                case PHRASE -> word(variant, token, exactWords);
                case PREFIX -> prefix(variant, token);
                case SUBSTRING -> substring(variant, token);
            };
            if (hit == null && (mode == TextMode.WORD || mode == TextMode.PHRASE)) {
                hit = phrase(tokens, index, variant, mode == TextMode.WORD);
            }
            if (hit != null) {
                found.add(hit);
                return;
            }
        }
    }

    private static Found word(String variant, Token token, Map<String, String> forms) {
        String entry = forms.get(variant);
        return entry == null ? null : new Found(entry, variant, token);
    }

    private Found phrase(List<Token> tokens, int index, String first, boolean inflect) {
        List<String[]> candidates = phrasesByFirstWord.get(first);
        if (candidates == null) {
            return null;
        }
        for (String[] phrase : candidates) {
            if (index + phrase.length > tokens.size()) {
                continue;
            }
            StringBuilder reading = new StringBuilder(first);
            boolean matches = true;
            for (int k = 1; k < phrase.length && matches; k++) {
                String reached = readAs(tokens.get(index + k), phrase[k], inflect && k == phrase.length - 1);
                matches = reached != null;
                if (matches) {
                    reading.append(' ').append(reached);
                }
            }
            if (matches) {
                Token last = tokens.get(index + phrase.length - 1);
                Token span = new Token(reading.toString(), tokens.get(index).start(), last.end());
                return new Found(phraseEntries.get(String.join(" ", phrase)), reading.toString(), span);
            }
        }
        return null;
    }

    /** The reading of {@code token} that is {@code word} (or one of its forms), if any. */
    private static String readAs(Token token, String word, boolean inflect) {
        for (String variant : token.variants()) {
            if (variant.equals(word)) {
                return variant;
            }
            if (inflect && variant.startsWith(word) && INFLECTIONS.contains(variant.substring(word.length()))) {
                return variant;
            }
        }
        return null;
    }

    private Found prefix(String variant, Token token) {
        int limit = Math.min(variant.length(), longestPrefix);
        for (int length = 1; length <= limit; length++) {
            String head = variant.substring(0, length);
            if (prefixes.contains(head)) {
                return new Found(prefixEntries.get(head), variant, token);
            }
        }
        return null;
    }

    private Found substring(String variant, Token token) {
        Emit emit = substringTrie().firstMatch(variant);
        return emit == null ? null : new Found(substringEntries.get(emit.getKeyword()), variant, token);
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
