-- Indexes that the hot queries can use, checked by QueryPlanTest with EXPLAIN on 100,000 comments.

-- An article's comments by time: the rules' history of an article (so many comments on this story in
-- the last minute) and the queue counts of one article. comment_thread_idx only holds visible
-- top-level comments.
CREATE INDEX comment_article_recent_idx ON comment (article_id, created_at);

-- The reported queue, most reported first. V4's index had a predicate (report_count > 0) that the
-- queue's condition does not state, so no query could use it.
DROP INDEX comment_most_reported_idx;
CREATE INDEX comment_reported_by_count_idx ON comment (report_count DESC, id DESC) WHERE reported_at IS NOT NULL;

-- Comments by status alone: counting a queue as big as the approved one reads this small index (its
-- repeated keys are stored once) instead of the table.
CREATE INDEX comment_status_idx ON comment (status);
