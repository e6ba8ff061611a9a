package org.vigie.rules;

/** Where an item stands: shown to readers, held for a moderator, or refused. */
public enum ModerationStatus {
    VISIBLE,
    PENDING,
    REJECTED
}
