package org.vigie.rules.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigie.rules.normalize.NormalizedText;

/**
 * Finds links in a text the way readers write them: URLs with a scheme, "www." addresses, bare domains
 * such as pharmacie-discount.com, and HTML anchors. It reads the folded text, so fullwidth or styled
 * letters do not hide a link.
 */
public final class Links {

    /** A link: its host, and its span in the text as typed. */
    public record Link(String host, int start, int end) {
    }

    /**
     * Top-level domains a bare domain is recognised by. Country codes that are also common file
     * extensions (md, py, sh, rs, so) are left out, so "readme.md" is not a link.
     */
    static final String TLDS = "com|net|org|info|biz|name|pro|mobi|fr|be|ch|ca|lu|mc|re|eu|uk|de|es|it|nl|at|se|no|dk|fi"
            + "|pl|pt|ie|gr|cz|sk|hu|ro|bg|hr|si|lt|lv|ee|ru|su|ua|by|kz|cn|hk|tw|jp|kr|in|id|th|vn|ph|my|sg|au|nz|za"
            + "|ng|ke|ma|dz|tn|sn|ci|cm|br|ar|cl|mx|co|ve|pe|us|io|ai|app|dev|xyz|top|online|site|shop|store|club|live"
            + "|link|click|win|bid|loan|vip|work|tech|space|website|fun|icu|buzz|cc|tv|me|ws|ly|gl|ga|tk|ml|cf|gq|to|la"
            + "|fm|am|nu|pw|ir|tr|sa|ae|il|eg|cam|cyou|rest|sbs|cfd|bond|lol|monster|quest|today|news|blog|page";

    private static final Pattern LINK = Pattern.compile(
            "(?:https?|ftp)://(?<schemeHost>[^\\s/?#<>\"'()\\[\\]]+)[^\\s<>\"']*"
                    + "|\\bwww\\.(?<wwwHost>[a-z0-9.-]+)[^\\s<>\"']*"
                    + "|(?<![a-z0-9@.-])(?<bareHost>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:" + TLDS + "))"
                    + "(?![a-z0-9-])(?:/[^\\s<>\"']*)?");

    private static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*href\\s*=\\s*[\"']?(?<href>[^\"'\\s>]+)");

    private Links() {
    }

    public static List<Link> find(NormalizedText text) {
        String folded = text.folded();
        List<Link> links = new ArrayList<>();
        // Only stretches of text holding a dot or a colon can hold a link: the pattern runs on those alone.
        Matcher matcher = LINK.matcher(folded);
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
            if (!candidate) {
                continue;
            }
            matcher.region(chunkStart, i);
            while (matcher.find()) {
                String host = matcher.group("schemeHost") != null ? matcher.group("schemeHost")
                        : matcher.group("wwwHost") != null ? "www." + matcher.group("wwwHost") : matcher.group("bareHost");
                host = stripPortAndCredentials(host).replaceAll("\\.+$", "");
                if (!host.isEmpty()) {
                    links.add(new Link(host, text.originalOffset(matcher.start()), text.originalOffset(matcher.end())));
                }
            }
        }
        if (folded.contains("<a")) {
            Matcher anchors = ANCHOR.matcher(folded);
            while (anchors.find()) {
                int start = text.originalOffset(anchors.start());
                int end = text.originalOffset(anchors.end());
                boolean counted = links.stream().anyMatch(link -> link.start() >= start && link.start() <= end);
                if (!counted) {
                    String href = anchors.group("href");
                    int scheme = href.indexOf("://");
                    String host = scheme >= 0 ? href.substring(scheme + 3) : href;
                    host = stripPortAndCredentials(host.split("[/?#]", 2)[0]);
                    links.add(new Link(host, start, end));
                }
            }
        }
        return links;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '\'';
    }

    private static String stripPortAndCredentials(String host) {
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        int colon = host.indexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }
}
