package org.vigie.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Bounds on admins' regexes, checked before RE2/J compiles them. RE2/J runs in time linear in the
 * text, but proportional to the size of the compiled pattern, and counted repetitions multiply that size:
 * {@code ((a{1000}){1000}){1000}} would not even fit in memory. A counted repetition may go up to
 * {@value #MAX_REPEAT}, and nested ones may multiply to no more than that.
 */
final class RegexLimits {

    static final int MAX_REPEAT = 100;

    private RegexLimits() {
    }

    /** Why the pattern is refused, if it is. */
    static Optional<String> check(String pattern) {
        Deque<long[]> groups = new ArrayDeque<>();
        groups.push(new long[] { 1 });
        int i = 0;
        int length = pattern.length();
        while (i < length) {
            char c = pattern.charAt(i);
            long weight;
            if (c == '(') {
                groups.push(new long[] { 1 });
                i++;
                continue;
            } else if (c == ')') {
                if (groups.size() == 1) {
                    return Optional.empty(); // unbalanced: RE2/J reports it
                }
                weight = groups.pop()[0];
                i++;
            } else if (c == '\\') {
                weight = 1;
                i = Math.min(length, i + 2);
            } else if (c == '[') {
                weight = 1;
                i = endOfClass(pattern, i);
            } else {
                weight = 1;
                i++;
            }
            if (i < length && pattern.charAt(i) == '{') {
                int close = pattern.indexOf('}', i);
                if (close > 0) {
                    Optional<Long> bound = bound(pattern.substring(i + 1, close));
                    if (bound.isPresent()) {
                        if (bound.get() > MAX_REPEAT) {
                            return Optional.of("repeats " + bound.get() + " times; at most " + MAX_REPEAT + " are allowed");
                        }
                        weight *= Math.max(1, bound.get());
                        i = close + 1;
                    }
                }
            }
            if (weight > MAX_REPEAT) {
                return Optional.of("nests counted repetitions to " + weight + " copies; at most " + MAX_REPEAT
                        + " are allowed");
            }
            long[] enclosing = groups.peek();
            enclosing[0] = Math.max(enclosing[0], weight);
        }
        return Optional.empty();
    }

    /** The largest count of "{n}", "{n,}" or "{n,m}"; empty when it is not a repetition. */
    private static Optional<Long> bound(String inside) {
        if (!inside.matches("\\d{1,9}(,\\d{0,9})?")) {
            return Optional.empty();
        }
        String[] parts = inside.split(",", -1);
        long low = Long.parseLong(parts[0]);
        long high = parts.length == 2 && !parts[1].isEmpty() ? Long.parseLong(parts[1]) : low;
        return Optional.of(Math.max(low, high));
    }

    private static int endOfClass(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length() && pattern.charAt(i) != ']') {
            i += pattern.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(pattern.length(), i + 1);
    }
}
