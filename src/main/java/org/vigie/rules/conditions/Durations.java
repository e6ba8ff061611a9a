package org.vigie.rules.conditions;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in rule sets: "30s", "10m", "24h", "7d", or ISO-8601 ("PT10M"). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d)");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = SHORT.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + " j";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
