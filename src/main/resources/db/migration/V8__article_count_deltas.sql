-- Posts to one article no longer wait for each other on its row.
--
-- Until now the counters' trigger added every visible post to article.visible_count at once: each post
-- to an article held that row's lock from its insert until its commit (an fsync), so posts to a hot
-- article committed one at a time. The trigger now appends the change to article_count_delta, which
-- takes no lock that another post waits for; the service folds the deltas into article.visible_count
-- every second (ArticleCounters). An article's count is always visible_count plus its deltas not folded
-- yet, which is what every read adds up (the view article_visible_count).
--
-- comment.reply_count is still kept at once: a reply already locks the comment it answers, so that a
-- moderator cannot hide it before the reply commits.
--
-- The deltas are also how instances learn that a thread changed. Each fold sends NOTIFY vigie_threads
-- with the id of every article it folded, so every instance forgets those pages, whichever statement
-- (on whichever instance) showed or hid a comment. The posts themselves do not notify: PostgreSQL
-- serialises the commits of notifying transactions (they queue on one lock through their WAL flush),
-- which would put every visible post in one line again. A delta is in the database as soon as its post
-- commits, so even if the instance that took the post stops at once, the next fold of any instance
-- tells the others.
CREATE TABLE article_count_delta (
    article_id bigint  NOT NULL REFERENCES article (id),
    delta      integer NOT NULL
);
CREATE INDEX article_count_delta_article_idx ON article_count_delta (article_id);

CREATE VIEW article_visible_count AS
SELECT a.id AS article_id,
       a.visible_count + COALESCE((SELECT sum(d.delta) FROM article_count_delta d WHERE d.article_id = a.id), 0)::integer
           AS visible_count
  FROM article a;

CREATE OR REPLACE FUNCTION comment_visible_counters() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    delta integer := (CASE WHEN TG_OP <> 'DELETE' AND NEW.status = 'VISIBLE' THEN 1 ELSE 0 END)
                   - (CASE WHEN TG_OP <> 'INSERT' AND OLD.status = 'VISIBLE' THEN 1 ELSE 0 END);
    -- NEW is NULL on DELETE and OLD on INSERT; a comment never moves to another article or parent.
    target_article bigint := COALESCE(NEW.article_id, OLD.article_id);
    target_parent  bigint := COALESCE(NEW.parent_id, OLD.parent_id);
    parent_status  varchar(16);
BEGIN
    IF delta = 0 THEN
        RETURN NULL;
    END IF;
    IF target_parent IS NULL THEN
        -- A top-level comment shows or hides the visible replies under it along with itself.
        INSERT INTO article_count_delta (article_id, delta)
        VALUES (target_article, delta * (1 + COALESCE(NEW.reply_count, OLD.reply_count)));
    ELSE
        UPDATE comment SET reply_count = reply_count + delta WHERE id = target_parent
        RETURNING status INTO parent_status;
        IF parent_status = 'VISIBLE' THEN
            INSERT INTO article_count_delta (article_id, delta) VALUES (target_article, delta);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

-- Folds the deltas committed so far into the articles' counts, and tells every instance which articles
-- changed. The rows the statement deletes are exactly the ones it adds up, and a delta committed
-- meanwhile waits for the next fold. Two instances folding at once cannot count a delta twice: the
-- second waits for the first's deletes, then finds them gone.
CREATE FUNCTION fold_article_count_deltas() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
    folded  integer := 0;
BEGIN
    FOR changed IN
        WITH taken AS (DELETE FROM article_count_delta RETURNING article_id, delta),
             sums AS (SELECT article_id, sum(delta) AS delta FROM taken GROUP BY article_id)
        UPDATE article a SET visible_count = a.visible_count + s.delta FROM sums s
         WHERE a.id = s.article_id
        RETURNING a.id
    LOOP
        PERFORM pg_notify('vigie_threads', changed::text);
        folded := folded + 1;
    END LOOP;
    RETURN folded;
END;
$$;
