package org.vigie.rules.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.IntUnaryOperator;

import org.vigie.rules.normalize.NormalizedText;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Finds links in a text the way readers write them: URLs with a scheme, "www." addresses, bare domains
 * such as pharmacie-discount.com, and HTML anchors. Candidates are found in the folded text, so fullwidth
 * or styled letters do not hide a link; the host is then read from the text as typed, in punycode, so
 * that a look-alike letter cannot pass a link off as the site's own. Everything here runs in linear time.
 */
public final class Links {

    /**
     * A link: its host, its span in the text as typed, and whether it counts as a link. Bare domains count
     * only with a known top-level domain; the others are still checked against domain lists. {@code domain}
     * is the host as domain lists read it (see {@link DomainList}), null if it has none.
     */
    public record Link(String host, int start, int end, boolean counted, String domain) {

        public Link(String host, int start, int end, boolean counted) {
            this(host, start, end, counted, DomainList.normalize(host).orElse(null));
        }
    }

    /**
     * Top-level domains a bare domain is recognised by. Country codes that are also common file
     * extensions (md, py, sh, rs, so, ai, cc) are left out, so "readme.md" and "logo.ai" are not links.
     */
    static final Set<String> TLDS = Set.copyOf(java.util.Arrays.asList(("com net org info biz name pro mobi fr be ch ca lu mc re eu uk de es it nl"
            + " at se no dk fi pl pt ie gr cz sk hu ro bg hr si lt lv ee ru su ua by kz cn hk tw jp kr in id th vn ph my"
            + " sg au nz za ng ke ma dz tn sn ci cm br ar cl mx co ve pe us io app dev xyz top online site shop store"
            + " club live link click win bid loan vip work tech space website fun icu buzz tv me ws ly gl ga tk ml cf gq"
            + " to la fm am nu pw ir tr sa ae il eg cam cyou rest sbs cfd bond lol monster quest today news blog page"
            + " host promo network finance money cash exchange digital global world company group email services"
            + " solutions systems support center agency marketing media guru ninja rocks plus one casino bet poker"
            + " games game vote gift gifts deals sale market trade trading capital fund investments loans credit"
            + " pharmacy health care dating sex porn adult xxx cloud systems software download stream video"
            + " tube social chat life love").split(" ")));

    private static final Pattern SCHEME = Pattern.compile("(?:https?|ftp)://");
    private static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*?href\\s*=\\s*[\"']?([^\"'\\s>]+)");
    private static final String LEADING = "([{«'\"";
    private static final String TRAILING = ".,;:!?)]}»'\"";

    private Links() {
    }

    /**
     * A text to find links in: folded, with the way back to the text as typed. Hosts are read from the
     * text as typed, or, where disguises were undone, from the undisguised text.
     */
    private record Source(String folded, IntUnaryOperator originalStart, IntUnaryOperator originalEnd,
            BiFunction<Integer, Integer, String> typed, BiPredicate<Integer, Integer> worthReading) {

        static Source of(NormalizedText text) {
            return new Source(text.folded(), text::originalStart, text::originalEnd,
                    (start, end) -> text.original().substring(text.originalStart(start), text.originalEnd(end)),
                    (start, end) -> true);
        }

        /** Only the stretches read for disguises: the rest of the text was read as typed already. */
        static Source of(NormalizedText text, Undisguised undisguised) {
            return new Source(undisguised.text(), i -> text.originalStart(undisguised.foldedStart(i)),
                    end -> text.originalEnd(undisguised.foldedEnd(end)), (start, end) -> undisguised.text().substring(start, end),
                    undisguised::read);
        }
    }

    /**
     * The links of a text, those written plainly and those disguised, {@code undisguised} being
     * {@code Undisguised.of(text)}.
     */
    public static List<Link> find(NormalizedText text, Undisguised undisguised) {
        List<Link> links = find(Source.of(text));
        if (!undisguised.text().equals(text.folded())) {
            for (Link link : find(Source.of(text, undisguised))) {
                if (links.stream().noneMatch(plain -> plain.start() < link.end() && link.start() < plain.end())) {
                    links.add(link);
                }
            }
            links.sort(java.util.Comparator.comparingInt(Link::start));
        }
        return links;
    }

    private static List<Link> find(Source text) {
        String folded = text.folded();
        List<Link> links = new ArrayList<>();
        int length = folded.length();
        int i = 0;
        while (i < length) {
            while (i < length && isSeparator(folded.charAt(i))) {
                i++;
            }
            int chunkStart = i;
            boolean candidate = false;
            while (i < length && !isSeparator(folded.charAt(i))) {
                char c = folded.charAt(i);
                candidate |= c == '.' || c == ':';
                i++;
            }
            if (candidate && text.worthReading().test(chunkStart, i)) {
                link(text, chunkStart, i).ifPresent(links::add);
            }
        }
        if (folded.contains("<a")) {
            Matcher anchors = ANCHOR.matcher(folded);
            while (anchors.find()) {
                int start = text.originalStart().applyAsInt(anchors.start());
                int end = text.originalEnd().applyAsInt(anchors.end());
                String href = anchors.group(1);
                int scheme = href.indexOf("//");
                boolean alreadyCounted = links.stream().anyMatch(link -> link.start() >= start && link.start() < end);
                if (scheme < 0 || alreadyCounted) {
                    // A relative link points back into the site; a URL inside the anchor was counted already.
                    continue;
                }
                String host = hostOnly(href.substring(scheme + 2));
                if (!host.isEmpty()) {
                    links.add(new Link(host, start, end, true));
                }
            }
        }
        return links;
    }

    private static java.util.Optional<Link> link(Source text, int chunkStart, int chunkEnd) {
        String folded = text.folded();
        String chunk = folded.substring(chunkStart, chunkEnd);
        // SCHEME ends with "://": most chunks (a sentence's last word, a decimal number) cannot match it.
        if (chunk.contains("://")) {
            Matcher scheme = SCHEME.matcher(chunk);
            if (scheme.find()) {
                int hostStart = chunkStart + scheme.end();
                int end = trimEnd(folded, hostStart, chunkEnd);
                return hosted(text, chunkStart + scheme.start(), hostStart, end, true);
            }
        }
        int start = chunkStart;
        while (start < chunkEnd && LEADING.indexOf(folded.charAt(start)) >= 0) {
            start++;
        }
        int end = trimEnd(folded, start, chunkEnd);
        if (folded.startsWith("www.", start)) {
            return hosted(text, start, start, end, true);
        }
        if (chunk.indexOf('@') >= 0) {
            // An email address, not a link.
            return java.util.Optional.empty();
        }
        int hostEnd = start;
        while (hostEnd < end && "/?#:".indexOf(folded.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = folded.substring(start, hostEnd);
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2 || !isDomain(labels) || looksLikeSentences(text, start, hostEnd)) {
            return java.util.Optional.empty();
        }
        boolean counted = TLDS.contains(labels[labels.length - 1]);
        return hosted(text, start, start, end, counted);
    }

    private static java.util.Optional<Link> hosted(Source text, int linkStart, int hostStart, int end,
            boolean counted) {
        String folded = text.folded();
        int hostEnd = hostStart;
        while (hostEnd < end && "/?#".indexOf(folded.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String typedHost = text.typed().apply(hostStart, hostEnd);
        String host = hostOnly(typedHost);
        if (host.isEmpty() || end <= linkStart) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Link(host, text.originalStart().applyAsInt(linkStart),
                text.originalEnd().applyAsInt(end), counted));
    }

    /** The host in punycode, lower case, without credentials, port or trailing dots. */
    private static String hostOnly(String authority) {
        String host = DomainList.beforePortOrPath(authority.substring(authority.lastIndexOf('@') + 1));
        host = DomainList.withoutTrailing(host, ".\u3002\uFF0E");
        if (host.isEmpty()) {
            return host;
        }
        String ascii = DomainList.punycode(host);
        return ascii != null ? ascii : host.toLowerCase(Locale.ROOT);
    }

    /** Labels of letters, digits and inner hyphens, ending with a top-level domain of letters. */
    private static boolean isDomain(String[] labels) {
        boolean letter = false;
        for (int k = 0; k < labels.length; k++) {
            String label = labels[k];
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int c = 0; c < label.length(); c++) {
                char ch = label.charAt(c);
                boolean isLetter = ch >= 'a' && ch <= 'z';
                if (!isLetter && !(ch >= '0' && ch <= '9') && ch != '-') {
                    return false;
                }
                if (k < labels.length - 1) {
                    letter |= isLetter;
                } else if (!isLetter) {
                    return false;
                }
            }
        }
        return letter && labels[labels.length - 1].length() >= 2;
    }

    /**
     * "C'est fini.Il faut" is two sentences missing a space, not a domain: a label after a dot that
     * starts with a capital followed by lower case, in a host not written all in capitals.
     */
    private static boolean looksLikeSentences(Source text, int start, int end) {
        String typed = text.typed().apply(start, end);
        if (typed.equals(typed.toUpperCase(Locale.ROOT))) {
            return false;
        }
        for (int k = 0; k + 2 < typed.length(); k++) {
            if (typed.charAt(k) == '.' && Character.isUpperCase(typed.charAt(k + 1))
                    && Character.isLowerCase(typed.charAt(k + 2))) {
                return true;
            }
        }
        return false;
    }

    private static int trimEnd(String folded, int start, int end) {
        int trimmed = end;
        while (trimmed > start && TRAILING.indexOf(folded.charAt(trimmed - 1)) >= 0) {
            trimmed--;
        }
        return trimmed;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '\'';
    }
}
