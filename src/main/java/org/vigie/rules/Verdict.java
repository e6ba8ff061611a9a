package org.vigie.rules;

import java.util.List;

/** The outcome of moderating one submission: its status and every reason behind it. */
public record Verdict(ModerationStatus status, List<Reason> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict of(ModerationStatus status, String ruleId, String explanation) {
        return new Verdict(status, List.of(new Reason(ruleId, explanation)));
    }
}
