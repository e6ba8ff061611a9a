-- The rules engine: versioned rule sets, and what the rules found on each comment.

-- Every rule set ever put in force; the highest version is the current one. Versions are never
-- changed: restoring an old one adds it again as a new version.
CREATE TABLE rule_set (
    version       integer       PRIMARY KEY,
    document      text          NOT NULL,
    rules         integer       NOT NULL,
    tests         integer       NOT NULL,
    created_by    varchar(64)   NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    restored_from integer       REFERENCES rule_set (version)
);

-- The rules' matches replace the first version's reasons: same shape, with action, mode and evidence.
ALTER TABLE comment RENAME COLUMN reasons TO matches;
-- A flag keeps a comment visible but puts it in the review queue.
ALTER TABLE comment ADD COLUMN flagged boolean NOT NULL DEFAULT false;
-- SHA-256 of the normalised text, to find the same text posted again.
ALTER TABLE comment ADD COLUMN fingerprint varchar(64);
-- The rule set version that decided the comment's status when it was posted.
ALTER TABLE comment ADD COLUMN rule_set_version integer;

-- History facts the rules read: recent comments by address, by email, by text.
CREATE INDEX comment_ip_recent_idx ON comment (ip_hash, created_at);
CREATE INDEX comment_email_recent_idx ON comment (lower(author_email), created_at);
CREATE INDEX comment_fingerprint_idx ON comment (fingerprint, created_at);
-- The FLAGGED queue: visible comments a rule or a report flagged.
CREATE INDEX comment_flagged_idx ON comment (created_at, id) WHERE flagged AND status = 'VISIBLE';
