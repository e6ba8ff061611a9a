-- Moderators search the queues' text with PostgreSQL full-text search, French configuration.
CREATE INDEX comment_body_search_idx ON comment USING gin (to_tsvector('french', body));
-- The REPORTED queue sorted by the number of reporters.
CREATE INDEX comment_most_reported_idx ON comment (report_count DESC, id DESC) WHERE report_count > 0;
