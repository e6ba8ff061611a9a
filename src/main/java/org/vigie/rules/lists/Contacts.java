package org.vigie.rules.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigie.rules.normalize.NormalizedText;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Ways to reach the author outside the comments, written in a comment: phone numbers, email addresses and
 * handles on messaging apps. Phone numbers are read by libphonenumber, in every country's formats, as
 * valid numbers only (prices, dates and law references are not); numbers written without a country code
 * are read as numbers of the region given. Emails are found once disguises are undone
 * ({@link Undisguised}: "julie [at] yahoo [dot] fr"). A handle counts beside the name of a messaging app
 * ("snap : julie_93", "telegram @cryptogains"), or when the app is named with an invitation to write
 * ("WhatsApp moi", "écris-moi sur Telegram"); an at-mention of a reader or of the newspaper alone is not one.
 */
public final class Contacts {

    public enum Kind {
        PHONE, EMAIL, HANDLE;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A way to reach someone: its kind, how it reads, and its span in the text as typed. */
    public record Contact(Kind kind, String value, int start, int end) {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{0,63}+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}");

    /** Apps whose names are no everyday word. */
    private static final String APPS = "snapchat|snap|instagram|insta|ig|telegram|tg|whats\\s?app|kik|discord|tiktok|wechat|viber|skype|threema|wickr";
    /** Apps whose names are also everyday words: only followed by ':' or '=' and a handle. */
    private static final String AMBIGUOUS_APPS = "signal|line(?:\\s?id)?|wa|session";
    private static final String HANDLE = "@?[a-z0-9][a-z0-9._#-]{2,31}";
    private static final String NO_WORD = "(?:^|[^a-z0-9])";
    private static final String WORD_END = "(?:[^a-z0-9]|$)";

    /** "snap : julie_93", "telegram @cryptogains", "signal: @jb", "line id: mei_lan88", "discord: lucas#4821". */
    private static final Pattern APP_THEN_HANDLE = Pattern.compile(NO_WORD + "((?:" + APPS + ")\\s?[:=]\\s?" + HANDLE
            + "|(?:" + AMBIGUOUS_APPS + ")\\s?[:=]\\s?" + HANDLE + "|(?:" + APPS + ")\\s(?:c'est\\s|est\\s|is\\s)?@[a-z0-9][a-z0-9._-]{2,31})");
    /** "mon insta @marco.invest", "DM me on telegram @forex", "pseudo nico_trading", "mon snap c'est sarah.lvr". */
    private static final Pattern APP_NEAR_HANDLE = Pattern.compile(NO_WORD + "((?:" + APPS + ")" + WORD_END
            + "[^.!?\\n]{0,40}?(?:@[a-z0-9][a-z0-9._-]{2,31}|(?:pseudo|id|user(?:name)?|c'est)\\s?:?\\s?[a-z0-9][a-z0-9._-]{2,31}"
            + "|[a-z]+[._][a-z0-9._]+|[a-z]+[0-9]{2,}))");
    /** "WhatsApp moi", "écris-moi sur Telegram", "ajoute-moi sur snap", "add me on snap", "contacte-moi sur WhatsApp". */
    private static final Pattern INVITATION = Pattern.compile(NO_WORD + "((?:" + APPS + ")[\\s-](?:moi|me)" + WORD_END
            + "|(?:ecri[st]?|ecrivez|ajoute[sz]?|contacte[sz]?|rejoin[st]|rejoignez|viens|venez|add|message|dm|text|follow|suivez|retrouvez)"
            + "[\\s-]?(?:moi|me|nous|us|mon|my)?\\s(?:sur|on|en\\smp\\ssur|via|par)\\s(?:mon\\s|my\\s)?(?:" + APPS + ")" + WORD_END + ")");

    private Contacts() {
    }

    /** The contacts of these kinds in a text, {@code undisguised} being {@code Undisguised.of(text)}. */
    public static List<Contact> find(NormalizedText text, Undisguised undisguised, Set<Kind> kinds, String region) {
        List<Contact> found = new ArrayList<>();
        if (kinds.contains(Kind.PHONE)) {
            phones(text.original(), region, found);
        }
        if (kinds.contains(Kind.EMAIL)) {
            emails(text, undisguised, found);
        }
        if (kinds.contains(Kind.HANDLE) && namesAnApp(text)) {
            for (Pattern pattern : List.of(APP_THEN_HANDLE, APP_NEAR_HANDLE, INVITATION)) {
                Matcher matcher = pattern.matcher(text.folded());
                while (matcher.find()) {
                    add(found, new Contact(Kind.HANDLE, matcher.group(1).replaceAll("\\s+", " "),
                            text.originalStart(matcher.start(1)), text.originalEnd(matcher.end(1))));
                }
            }
        }
        found.sort(Comparator.comparingInt(Contact::start));
        return found;
    }

    /** Phone numbers, read by libphonenumber only where eight digits stand close together. */
    private static void phones(String original, String region, List<Contact> found) {
        for (int[] run : numberRuns(original)) {
            // A character more on each side: libphonenumber checks that a number does not run on into a word.
            int start = Math.max(0, run[0] - 1);
            int end = Math.min(original.length(), run[1] + 1);
            String stretch = slashesBetweenDigitsAsSpaces(original.substring(start, end));
            for (PhoneNumberMatch match : PHONES.findNumbers(stretch, region, PhoneNumberUtil.Leniency.VALID, 1000)) {
                if (match.rawString().contains(" - ") || match.rawString().contains(" – ")) {
                    // Numbers drawn or listed one by one ("06 - 12 - 23 - 34 - 45"), not dialled.
                    continue;
                }
                add(found, new Contact(Kind.PHONE, PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164),
                        start + match.start(), start + match.end()));
            }
        }
    }

    /** "06/45/12/78/90" is written to be dialled; a date keeps too few digits to be a number. */
    private static String slashesBetweenDigitsAsSpaces(String text) {
        if (text.indexOf('/') < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 1; i + 1 < chars.length; i++) {
            if (chars[i] == '/' && Character.isDigit(chars[i - 1]) && Character.isDigit(chars[i + 1])) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static void emails(NormalizedText text, Undisguised undisguised, List<Contact> found) {
        if (undisguised.text().indexOf('@') < 0) {
            return;
        }
        Matcher matcher = EMAIL.matcher(undisguised.text());
        while (matcher.find()) {
            add(found, new Contact(Kind.EMAIL, matcher.group(),
                    text.originalStart(undisguised.foldedStart(matcher.start())),
                    text.originalEnd(undisguised.foldedEnd(matcher.end()))));
        }
    }

    /** App names as words: a text without any needs no handle pattern tried. */
    private static final Set<String> APP_WORDS = Set.of("snapchat", "snap", "instagram", "insta", "ig", "telegram", "tg",
            "whatsapp", "whats", "kik", "discord", "tiktok", "wechat", "viber", "skype", "threema", "wickr");
    /** App names that are everyday words too: only followed by ':' or '='. */
    private static final Set<String> AMBIGUOUS_APP_WORDS = Set.of("signal", "line", "id", "wa", "session");

    private static boolean namesAnApp(NormalizedText text) {
        List<org.vigie.rules.normalize.Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).text();
            if (APP_WORDS.contains(word)) {
                return true;
            }
            if (AMBIGUOUS_APP_WORDS.contains(word)) {
                int next = tokens.get(i).end();
                while (next < text.original().length() && Character.isWhitespace(text.original().charAt(next))) {
                    next++;
                }
                if (next < text.original().length() && ":=".indexOf(text.original().charAt(next)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The stretches where eight digits or more stand close together, with only what numbers are written
     * with between them, as [start, end) pairs: where a phone number can be.
     */
    private static List<int[]> numberRuns(String text) {
        List<int[]> runs = new ArrayList<>();
        int digits = 0;
        int start = -1;
        int lastDigit = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c >= '0' && c <= '9') {
                if (start < 0) {
                    start = i;
                }
                digits++;
                lastDigit = i;
            } else if (" .-()/+\u00A0\u202F".indexOf(c) < 0) {
                if (digits >= 8) {
                    // The run may begin with '+' or '(' before its first digit.
                    int from = start;
                    while (from > 0 && "+(".indexOf(text.charAt(from - 1)) >= 0) {
                        from--;
                    }
                    runs.add(new int[] { from, lastDigit + 1 });
                }
                digits = 0;
                start = -1;
            }
        }
        return runs;
    }

    /** Adds a contact unless one found already covers its span. */
    private static void add(List<Contact> found, Contact contact) {
        for (Contact other : found) {
            if (other.start() < contact.end() && contact.start() < other.end()) {
                return;
            }
        }
        found.add(contact);
    }

}
