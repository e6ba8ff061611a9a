package org.vigie.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ModerationStatus;

/** What a moderator can do to a comment. */
@Schema(name = "DecisionAction")
public enum DecisionAction {
    APPROVE(ModerationStatus.VISIBLE),
    REJECT(ModerationStatus.REJECTED);

    final ModerationStatus result;

    DecisionAction(ModerationStatus result) {
        this.result = result;
    }
}
