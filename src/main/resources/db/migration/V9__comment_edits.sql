-- Authors may edit their comment for a few minutes after posting it (vigie.comments.edit-window), with
-- the edit token the answer to their post gave them once. Each edit goes through the rules again; the
-- texts it replaces are kept, with what the rules said of them, for moderators.

-- The SHA-256 of the edit token, in hex: the token itself is never stored. NULL for comments posted
-- before edits existed, and once the author is erased.
ALTER TABLE comment ADD COLUMN edit_token_hash varchar(64);
ALTER TABLE comment ADD COLUMN edit_count integer NOT NULL DEFAULT 0;
ALTER TABLE comment ADD COLUMN edited_at timestamptz;

-- Every earlier text of a comment: number 1 is the text as posted, then one per edit but the last,
-- which is the comment's own body. Each keeps the status and matches the rules gave it.
CREATE TABLE comment_version (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id       bigint        NOT NULL REFERENCES comment (id),
    number           integer       NOT NULL,
    body             text          NOT NULL,
    status           varchar(16)   NOT NULL,
    matches          jsonb         NOT NULL,
    rule_set_version integer,
    -- When this text was posted or written by an edit, and when the next edit replaced it.
    written_at       timestamptz   NOT NULL,
    replaced_at      timestamptz   NOT NULL,
    CONSTRAINT comment_version_once UNIQUE (comment_id, number)
);

-- An edit is recorded by its author, with the rule that decided the new text's status.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_actor_kind_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_actor_kind_check CHECK (actor_kind IN ('RULE', 'MODERATOR', 'AUTHOR'));
ALTER TABLE audit_entry ADD COLUMN rule_id varchar(64);
