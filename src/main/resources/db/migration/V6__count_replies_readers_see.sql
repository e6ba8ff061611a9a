-- Replaces the counters' function of V1 so that article.visible_count counts what readers see, then
-- recounts every article.
--
-- Keeps the visible counters right, whichever statement changes a status: a single insert, a
-- decision or a bulk update.
--   comment.reply_count:  visible replies under a top-level comment.
--   article.visible_count: visible top-level comments plus the visible replies under them; replies
--                          under a hidden comment are hidden from the thread, so they do not count.
-- Rows are locked in one order, the reply, then its top-level comment, then the article, so that
-- concurrent replies and decisions cannot deadlock.
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
        UPDATE article
           SET visible_count = visible_count + delta * (1 + COALESCE(NEW.reply_count, OLD.reply_count))
         WHERE id = target_article;
    ELSE
        UPDATE comment SET reply_count = reply_count + delta WHERE id = target_parent
        RETURNING status INTO parent_status;
        IF parent_status = 'VISIBLE' THEN
            UPDATE article SET visible_count = visible_count + delta WHERE id = target_article;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

UPDATE article a
   SET visible_count = (SELECT count(*)
                          FROM comment c
                         WHERE c.article_id = a.id AND c.status = 'VISIBLE'
                           AND (c.parent_id IS NULL
                                OR EXISTS (SELECT 1 FROM comment p WHERE p.id = c.parent_id AND p.status = 'VISIBLE')));
