-- Vigie's first schema: articles, comments with one level of replies, moderators, decisions,
-- rate-limit buckets and instance-wide settings.

CREATE TABLE article (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_key   varchar(200)  NOT NULL UNIQUE,
    title         varchar(300),
    url           varchar(2000),
    open          boolean       NOT NULL DEFAULT true,
    premoderated  boolean       NOT NULL,
    -- Visible comments and replies; kept by the trigger below, never written by the application.
    visible_count integer       NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT article_key_format CHECK (article_key ~ '^[A-Za-z0-9._:/-]{1,200}$')
);

CREATE TABLE comment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    bigint        NOT NULL REFERENCES article (id),
    -- The top-level comment a reply sits under; NULL for a top-level comment.
    parent_id     bigint        REFERENCES comment (id),
    -- The reply this reply answers, when it answers a reply rather than the top-level comment.
    in_reply_to   bigint        REFERENCES comment (id),
    author_name   text          NOT NULL,
    author_email  text          NOT NULL,
    body          text          NOT NULL,
    status        varchar(16)   NOT NULL CHECK (status IN ('VISIBLE', 'PENDING', 'REJECTED')),
    -- What the moderation pipeline decided and why: [{"ruleId", "explanation"}, ...].
    reasons       jsonb         NOT NULL DEFAULT '[]',
    ip_hash       varchar(64)   NOT NULL,
    -- Visible replies under this comment; kept by the trigger below.
    reply_count   integer       NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL,
    status_changed_at timestamptz NOT NULL,
    CONSTRAINT reply_has_parent CHECK (in_reply_to IS NULL OR parent_id IS NOT NULL)
);

-- A thread page: visible top-level comments of an article, newest or oldest first.
CREATE INDEX comment_thread_idx ON comment (article_id, created_at, id)
    WHERE parent_id IS NULL AND status = 'VISIBLE';
-- The replies under a page's comments.
CREATE INDEX comment_replies_idx ON comment (parent_id, created_at, id)
    WHERE parent_id IS NOT NULL;
-- The moderation queue, oldest first, per status.
CREATE INDEX comment_queue_idx ON comment (status, created_at, id);
-- "Most commented": visible comments created in a recent window.
CREATE INDEX comment_recent_visible_idx ON comment (created_at, article_id)
    WHERE status = 'VISIBLE';

-- Keeps article.visible_count and comment.reply_count equal to the number of visible rows, whichever
-- statement changes a status: a single insert, a decision or a bulk update.
CREATE FUNCTION comment_visible_counters() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    delta integer := (CASE WHEN TG_OP <> 'DELETE' AND NEW.status = 'VISIBLE' THEN 1 ELSE 0 END)
                   - (CASE WHEN TG_OP <> 'INSERT' AND OLD.status = 'VISIBLE' THEN 1 ELSE 0 END);
    -- NEW is NULL on DELETE and OLD on INSERT; a comment never moves to another article or parent.
    target_article bigint := COALESCE(NEW.article_id, OLD.article_id);
    target_parent  bigint := COALESCE(NEW.parent_id, OLD.parent_id);
BEGIN
    IF delta <> 0 THEN
        UPDATE article SET visible_count = visible_count + delta WHERE id = target_article;
        IF target_parent IS NOT NULL THEN
            UPDATE comment SET reply_count = reply_count + delta WHERE id = target_parent;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER comment_visible_counters
    AFTER INSERT OR DELETE OR UPDATE OF status ON comment
    FOR EACH ROW EXECUTE FUNCTION comment_visible_counters();

CREATE TABLE moderator (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      varchar(64)   NOT NULL UNIQUE,
    password_hash varchar(100)  NOT NULL,
    role          varchar(16)   NOT NULL CHECK (role IN ('moderator', 'admin')),
    created_at    timestamptz   NOT NULL DEFAULT now()
);

-- The audit trail: every moderator decision, never updated nor deleted.
CREATE TABLE moderation_decision (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id    bigint        NOT NULL REFERENCES comment (id),
    moderator     varchar(64)   NOT NULL,
    action        varchar(16)   NOT NULL CHECK (action IN ('APPROVE', 'REJECT')),
    from_status   varchar(16)   NOT NULL,
    to_status     varchar(16)   NOT NULL,
    reason        varchar(500),
    note          varchar(2000),
    created_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX moderation_decision_comment_idx ON moderation_decision (comment_id, created_at);

-- Sliding-window rate limits shared by every instance: the recent hit times of each bucket.
CREATE TABLE rate_limit (
    bucket        varchar(200)  PRIMARY KEY,
    hits          timestamptz[] NOT NULL
);

-- Instance-wide settings generated once, such as the IP hash key when none is configured.
CREATE TABLE vigie_setting (
    name          varchar(100)  PRIMARY KEY,
    value         text          NOT NULL
);
