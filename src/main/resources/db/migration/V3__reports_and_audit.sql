-- Readers' reports, and one audit trail for every status change, by a rule or by a moderator.

CREATE TABLE report (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id    bigint        NOT NULL REFERENCES comment (id),
    -- Who reported: 'id:' and a keyed hash of the frontend's reporter id, or 'ip:' and the address hash.
    reporter      varchar(80)   NOT NULL,
    reason        varchar(20)   NOT NULL
                  CHECK (reason IN ('SPAM', 'ABUSE', 'HATE', 'OFF_TOPIC', 'MISINFORMATION', 'OTHER')),
    details       varchar(500),
    ip_hash       varchar(64),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    -- One report per reporter per comment: a repeat changes nothing.
    CONSTRAINT report_once UNIQUE (comment_id, reporter)
);
CREATE INDEX report_recent_idx ON report (created_at);

-- Distinct reporters, the last report, and what moderators did: the REPORTED queue is the comments
-- reported since a moderator last decided on them.
ALTER TABLE comment ADD COLUMN report_count integer NOT NULL DEFAULT 0;
ALTER TABLE comment ADD COLUMN reported_at timestamptz;
ALTER TABLE comment ADD COLUMN moderated_at timestamptz;
ALTER TABLE comment ADD COLUMN approved_by_moderator boolean NOT NULL DEFAULT false;
-- Optimistic concurrency: a decision names the version it was made on.
ALTER TABLE comment ADD COLUMN version integer NOT NULL DEFAULT 0;
CREATE INDEX comment_reported_idx ON comment (reported_at, id) WHERE reported_at IS NOT NULL;

-- The audit trail: never updated nor deleted through the API. A rule's entry names the rule and the
-- rule set version; a moderator's names the moderator.
CREATE TABLE audit_entry (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id       bigint        REFERENCES comment (id),
    actor_kind       varchar(16)   NOT NULL CHECK (actor_kind IN ('RULE', 'MODERATOR')),
    actor            varchar(64)   NOT NULL,
    rule_set_version integer,
    action           varchar(32)   NOT NULL,
    from_status      varchar(16),
    to_status        varchar(16),
    reason           varchar(500),
    note             varchar(2000),
    created_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_time_idx ON audit_entry (created_at, id);
CREATE INDEX audit_entry_comment_idx ON audit_entry (comment_id, created_at);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, created_at);

INSERT INTO audit_entry (comment_id, actor_kind, actor, action, from_status, to_status, reason, note, created_at)
SELECT comment_id, 'MODERATOR', moderator, action, from_status, to_status, reason, note, created_at
  FROM moderation_decision;
UPDATE comment c SET moderated_at = d.last, approved_by_moderator = (c.status = 'VISIBLE')
  FROM (SELECT comment_id, max(created_at) AS last FROM moderation_decision GROUP BY comment_id) d
 WHERE d.comment_id = c.id;
DROP TABLE moderation_decision;
