package org.vigie.comment;

import java.util.List;

import org.vigie.rules.Action;
import org.vigie.rules.Match;
import org.vigie.rules.Mode;
import org.vigie.rules.ModerationStatus;

/**
 * A change of an existing comment's status, by a moderator (alone, in bulk, or with a ban) or by a rule
 * (on a report). {@link CommentModeration#change} applies every one of them the same way.
 *
 * @param actor the moderator's username, or the deciding rule's id
 * @param action what the audit trail records: APPROVE, REJECT, BAN, REPORT
 * @param ruleSetVersion the rule set version that decided, for a rule
 * @param reason why, for the audit trail
 * @param matches what to add to the comment's matches: the moderator's decision, or the rules' matches
 */
public record StatusChange(ModerationStatus to, boolean byModerator, String actor, String action, Integer ruleSetVersion,
        String reason, String note, List<Match> matches) {

    /** The rule id under which moderators' decisions appear among a comment's matches. */
    public static final String MODERATOR_DECISION = "moderator.decision";

    /** A moderator's decision; {@code explanation} is what the comment's matches show of it. */
    public static StatusChange byModerator(ModerationStatus to, String moderator, String action, String reason,
            String note, String explanation) {
        Match decision = Match.of(MODERATOR_DECISION, to == ModerationStatus.VISIBLE ? Action.APPROVE : Action.REJECT,
                Mode.ENFORCE, explanation, null, true);
        return new StatusChange(to, true, moderator, action, null, reason, note, List.of(decision));
    }

    /** The rules' decision, by its decisive match, with every match they made. */
    public static StatusChange byRule(ModerationStatus to, Match decisive, Integer ruleSetVersion, String action,
            List<Match> matches) {
        return new StatusChange(to, false, decisive.ruleId(), action, ruleSetVersion, decisive.explanation(), null, matches);
    }
}
