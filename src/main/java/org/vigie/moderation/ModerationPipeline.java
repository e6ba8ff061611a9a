package org.vigie.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.vigie.article.ArticleClosed;
import org.vigie.platform.SqlStatement;
import org.vigie.rules.Action;
import org.vigie.rules.Evidence;
import org.vigie.rules.Match;
import org.vigie.rules.Mode;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.RuleEngine;
import org.vigie.rules.RuleSet;
import org.vigie.rules.Submission;
import org.vigie.rules.Submission.HistoryQuery;
import org.vigie.rules.Verdict;
import org.vigie.rules.conditions.Context;
import org.vigie.rules.normalize.NormalizedText;
import org.vigie.ruleset.RuleSetService;

/**
 * The one road every new item takes to get its status: it refuses items on closed articles, loads from
 * PostgreSQL the facts the rules need (the author's record, recent comments by the same address, email
 * or text), and runs the rule set in force.
 */
@ApplicationScoped
public class ModerationPipeline {

    @Inject
    RuleSetService ruleSets;

    @Inject
    EntityManager entityManager;

    @Inject
    AuthorRecords authors;

    @Inject
    Clock clock;

    static final String BANNED = "author.banned";
    static final String PREMODERATED_AUTHOR = "author.premoderated";

    /**
     * An item to moderate, as the service knows it.
     *
     * @param ipHash the author's address hash, or null for a dry run ("an address never seen before")
     * @param authorEmail null when unknown
     * @param articleId the article's id, or null when it does not exist yet
     * @param edited the id of the comment whose new text this is, for an edit: the rules judge the new text
     *        as if the comment were not there yet, so it counts neither in the history nor in the author's record
     */
    public record Candidate(Submission.Event event, String body, String authorName, String authorEmail, String ipHash,
            Long articleId, Submission.ArticleFacts article, Long edited) {

        /** A new item. */
        public Candidate(Submission.Event event, String body, String authorName, String authorEmail, String ipHash,
                Long articleId, Submission.ArticleFacts article) {
            this(event, body, authorName, authorEmail, ipHash, articleId, article, null);
        }
    }

    /** The rules' verdict, which version gave it, and the text's fingerprint for later duplicate checks. */
    public record Decided(Verdict verdict, Integer ruleSetVersion, String fingerprint) {
    }

    /** Decides with the rule set in force, or throws {@link ArticleClosed}. */
    public Decided decide(Candidate candidate) {
        return decide(candidate, NormalizedText.of(candidate.body()));
    }

    /** As {@link #decide(Candidate)}, with the candidate's body normalised already (by {@link #sameTextLock}). */
    public Decided decide(Candidate candidate, NormalizedText body) {
        if (candidate.event() != Submission.Event.REPORT && !candidate.article().open()) {
            throw new ArticleClosed(candidate.article().key());
        }
        RuleSetService.Current current = ruleSets.current();
        return evaluate(candidate, body, current.ruleSet(), current.version());
    }

    /**
     * An SQL expression that takes a transaction lock on the text's fingerprint, with its parameter
     * {@code :sameText} bound by {@link #bindSameTextLock}. Evaluated in a statement before {@link #decide},
     * it makes two posts of the same text wait for each other from there to their commit, so that the
     * second one's history counts the first: duplicates posted at the same moment are caught too. Posts of
     * different texts never wait for each other.
     */
    public static final String SAME_TEXT_LOCK = "pg_advisory_xact_lock(hashtextextended('vigie.same-text:' || :sameText, 0))";

    /** Normalises the body and binds its fingerprint into a statement holding {@link #SAME_TEXT_LOCK}. */
    public static NormalizedText bindSameTextLock(SqlStatement statement, String body) {
        NormalizedText normalized = NormalizedText.of(body);
        statement.set("sameText", normalized.fingerprint());
        return normalized;
    }

    /** Decides with the given rule set, storing nothing: for dry runs. */
    public Decided evaluate(Candidate candidate, RuleSet ruleSet, Integer version) {
        return evaluate(candidate, NormalizedText.of(candidate.body()), ruleSet, version);
    }

    private Decided evaluate(Candidate candidate, NormalizedText body, RuleSet ruleSet, Integer version) {
        // Normalised once: for the fingerprint the history queries need, and for the rules.
        String fingerprint = body.fingerprint();
        Known known = factsAndHistory(candidate, fingerprint, ruleSet);
        AuthorFacts author = known.author();
        Submission submission = new Submission(candidate.event(), clock.instant(), candidate.body(),
                candidate.authorName() == null ? "" : candidate.authorName(), candidate.article(), author.record(),
                known.history(), Submission.ReportFacts.NONE);
        Verdict verdict = RuleEngine.decide(ruleSet, new Context(submission, body));
        return new Decided(moderatorsSay(verdict, author), version, fingerprint);
    }

    /**
     * What moderators decided about the author comes on top of the rules: a banned author's comment is
     * rejected, and a premoderated author's comment waits for a moderator even if the rules would show it.
     */
    static Verdict moderatorsSay(Verdict verdict, AuthorFacts author) {
        if (author.ban().isPresent()) {
            AuthorFacts.ActiveBan ban = author.ban().get();
            List<Match> matches = new ArrayList<>();
            matches.add(Match.of(BANNED, Action.REJECT, Mode.ENFORCE, "Auteur banni : " + ban.reason(),
                    Evidence.fact("author", ban.until() == null ? "banni jusqu'à nouvel ordre" : "suspendu jusqu'au " + ban.until()),
                    true));
            matches.addAll(demoted(verdict.matches()));
            return new Verdict(ModerationStatus.REJECTED, verdict.flagged(), matches);
        }
        if (author.record().premoderated() && verdict.status() == ModerationStatus.VISIBLE) {
            List<Match> matches = new ArrayList<>(demoted(verdict.matches()));
            matches.add(Match.of(PREMODERATED_AUTHOR, Action.HOLD, Mode.ENFORCE,
                    "Auteur prémodéré : chaque commentaire attend la validation d'un modérateur.", null, true));
            return new Verdict(ModerationStatus.PENDING, verdict.flagged(), matches);
        }
        return verdict;
    }

    /** The rules' matches, none of them deciding any more: the moderators' word does. */
    private static List<Match> demoted(List<Match> matches) {
        return matches.stream()
                .map(m -> new Match(m.ruleId(), m.action(), m.mode(), m.explanation(), m.evidence(), false))
                .toList();
    }

    /** The rules' reading of a report on a comment, and the version that gave it. */
    public record ReportEvaluation(RuleEngine.Evaluation evaluation, int ruleSetVersion) {
    }

    /** Runs the rules that apply to reports ({@code on: report}) with the comment's reports so far. */
    public ReportEvaluation evaluateReport(String body, String authorName, String authorEmail,
            Submission.ArticleFacts article, Submission.ReportFacts reports) {
        RuleSetService.Current current = ruleSets.current();
        Submission submission = new Submission(Submission.Event.REPORT, clock.instant(), body, authorName, article,
                authors.facts(authorEmail, null).record(), Submission.History.NONE, reports);
        return new ReportEvaluation(RuleEngine.evaluate(current.ruleSet(), submission), current.version());
    }

    /** What PostgreSQL knows of the author and of the recent comments like this one. */
    private record Known(AuthorFacts author, Submission.History history) {
    }

    /**
     * Reads the author's facts and answers every history query of the rule set in one statement: each
     * query is a filtered count over the recent comments of the same address, email or article.
     */
    private Known factsAndHistory(Candidate candidate, String fingerprint, RuleSet ruleSet) {
        List<HistoryQuery> queries = new ArrayList<>();
        for (HistoryQuery query : ruleSet.historyQueries()) {
            if (scopeKnown(query.scope(), candidate)) {
                queries.add(query);
            }
        }
        StringBuilder sql = new StringBuilder("SELECT f.*");
        long widest = 0;
        for (int i = 0; i < queries.size(); i++) {
            HistoryQuery query = queries.get(i);
            widest = Math.max(widest, query.window().toSeconds());
            sql.append(i == 0 ? ", h.* FROM (" + AuthorRecords.FACTS + ") f CROSS JOIN (SELECT " : ", ")
                    .append("count(*) FILTER (WHERE ").append(scopeCondition(query.scope()))
                    .append(" AND created_at > CAST(:now AS timestamptz) - make_interval(secs => ")
                    .append(query.window().toSeconds()).append(')')
                    .append(query.kind() == HistoryQuery.Kind.SAME_TEXT ? " AND fingerprint = :fingerprint" : "")
                    .append(") AS q").append(i);
        }
        if (queries.isEmpty()) {
            sql.append(" FROM (").append(AuthorRecords.FACTS).append(") f");
        } else {
            List<String> scopes = queries.stream().map(HistoryQuery::scope).distinct()
                    .map(ModerationPipeline::scopeCondition).toList();
            sql.append(" FROM comment WHERE (").append(String.join(" OR ", scopes)).append(")")
                    .append(" AND created_at > CAST(:now AS timestamptz) - make_interval(secs => ").append(widest).append(")")
                    .append(" AND id <> :leftOut) h");
        }

        SqlStatement query = authors.bindFacts(SqlStatement.of(sql.toString()), candidate.authorEmail(), candidate.ipHash(),
                candidate.edited());
        if (!queries.isEmpty()) {
            query.set("now", clock.instant()).set("leftOut", candidate.edited() == null ? 0L : candidate.edited());
        }
        queries.stream().map(HistoryQuery::scope).distinct().forEach(scope -> {
            switch (scope) {
                case IP -> query.set("ipHash", candidate.ipHash());
                case EMAIL -> query.set("email", candidate.authorEmail().strip());
                case ARTICLE -> query.set("articleId", candidate.articleId());
            }
        });
        if (queries.stream().anyMatch(q -> q.kind() == HistoryQuery.Kind.SAME_TEXT)) {
            query.set("fingerprint", fingerprint);
        }
        return query.single(entityManager, row -> {
            Map<HistoryQuery, Long> answers = new HashMap<>();
            for (int i = 0; i < queries.size(); i++) {
                answers.put(queries.get(i), row.count("q" + i));
            }
            return new Known(AuthorRecords.facts(row), queries.isEmpty() ? Submission.History.NONE : new Submission.History(answers));
        });
    }

    private static boolean scopeKnown(HistoryQuery.Scope scope, Candidate candidate) {
        return switch (scope) {
            case IP -> candidate.ipHash() != null;
            case EMAIL -> candidate.authorEmail() != null && !candidate.authorEmail().isBlank();
            case ARTICLE -> candidate.articleId() != null;
        };
    }

    private static String scopeCondition(HistoryQuery.Scope scope) {
        return switch (scope) {
            case IP -> "ip_hash = :ipHash";
            case EMAIL -> "lower(author_email) = lower(:email)";
            case ARTICLE -> "article_id = :articleId";
        };
    }
}
