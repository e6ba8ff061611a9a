package org.vigie.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a moderator decided as they did: kept in the audit trail and counted in the stats. */
@Schema(name = "DecisionReason")
public enum DecisionReason {
    SPAM,
    ABUSE,
    HATE,
    OFF_TOPIC,
    ILLEGAL,
    PERSONAL_DATA,
    OTHER
}
