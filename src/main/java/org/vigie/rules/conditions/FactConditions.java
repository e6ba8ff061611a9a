package org.vigie.rules.conditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.vigie.rules.Evidence;
import org.vigie.rules.Submission;

/** Conditions on what is known of the author, the article and the reports. Every bound given must hold. */
public final class FactConditions {

    private FactConditions() {
    }

    /** The author's record, by email. */
    public record Author(Long approvedAtLeast, Long approvedAtMost, Long rejectedAtLeast, Double rejectedRatioAbove,
            Boolean banned, Boolean premoderated) implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            Submission.AuthorFacts author = context.submission().author();
            long decided = author.approved() + author.rejected();
            double rejectedRatio = decided == 0 ? 0 : (double) author.rejected() / decided;
            boolean holds = (approvedAtLeast == null || author.approved() >= approvedAtLeast)
                    && (approvedAtMost == null || author.approved() <= approvedAtMost)
                    && (rejectedAtLeast == null || author.rejected() >= rejectedAtLeast)
                    && (rejectedRatioAbove == null || (decided > 0 && rejectedRatio > rejectedRatioAbove))
                    && (banned == null || author.banned() == banned)
                    && (premoderated == null || author.premoderated() == premoderated);
            if (!holds) {
                return null;
            }
            List<String> facts = new ArrayList<>();
            facts.add(author.approved() + " approuvé(s), " + author.rejected() + " rejeté(s)");
            if (author.banned()) {
                facts.add("banni");
            }
            if (author.premoderated()) {
                facts.add("toujours prémodéré");
            }
            return List.of(Evidence.fact("author", String.join(", ", facts)));
        }
    }

    /** The article's settings and age. */
    public record Article(Boolean premoderated, Boolean open, Duration olderThan, Duration newerThan)
            implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            Submission.ArticleFacts article = context.submission().article();
            Duration age = article.createdAt() == null ? Duration.ZERO
                    : Duration.between(article.createdAt(), context.submission().at());
            boolean holds = (premoderated == null || article.premoderated() == premoderated)
                    && (open == null || article.open() == open)
                    && (olderThan == null || age.compareTo(olderThan) > 0)
                    && (newerThan == null || age.compareTo(newerThan) < 0);
            return holds ? List.of(Evidence.fact("article", "article " + article.key() + ", publié depuis "
                    + Durations.format(age.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)))) : null;
        }
    }

    /** At least {@code reportersAtLeast} distinct reporters, and, if given, a report for one of {@code reasons}. */
    public record Reports(Integer reportersAtLeast, Set<String> reasons) implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            Submission.ReportFacts reports = context.submission().reports();
            if (reports.reporters() == 0) {
                return null;
            }
            if (reportersAtLeast != null && reports.reporters() < reportersAtLeast) {
                return null;
            }
            if (reasons != null && reasons.stream().noneMatch(reason -> reports.reasons().getOrDefault(reason, 0) > 0)) {
                return null;
            }
            return List.of(Evidence.fact("reports", reports.reporters() + " signalement(s) : " + reports.reasons()));
        }
    }
}
