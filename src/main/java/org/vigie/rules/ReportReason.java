package org.vigie.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a reader reports a comment. */
@Schema(name = "ReportReason")
public enum ReportReason {
    SPAM,
    ABUSE,
    HATE,
    OFF_TOPIC,
    MISINFORMATION,
    OTHER
}
