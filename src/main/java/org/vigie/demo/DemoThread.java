package org.vigie.demo;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vigie.article.ArticleService;
import org.vigie.article.ArticleSettingsUpdate;
import org.vigie.comment.CommentService;
import org.vigie.comment.NewComment;
import org.vigie.platform.ClientOrigin;
import org.vigie.report.NewReport;
import org.vigie.report.ReportService;
import org.vigie.rules.ReportReason;

/**
 * Loads the demo article: top-level comments with replies, a comment the rules hold (it carries a link)
 * and one that readers reported. Each comment is posted, and the report made, through the services
 * readers' requests go through, from addresses of the documentation range (192.0.2.0/24), one per author,
 * so that the rate limits and the rules apply as they do to anyone.
 */
@ApplicationScoped
public class DemoThread {

    public static final String ARTICLE = "demo/2026/budget-vote";

    /** One comment of the demo thread: what it stands for, and what the rules made of it. */
    public record DemoComment(long id, @Schema(enumeration = { "comment", "reply", "held", "reported" }) String role,
            @Schema(description = "The comment a reply answers", nullable = true) Long parentId, String status) {
    }

    /** The demo article as loaded; {@code created} false and no comments when it was already there. */
    @Schema(name = "DemoArticle")
    public record DemoArticle(String articleKey, boolean created, List<DemoComment> comments) {
    }

    @Inject
    ArticleService articles;

    @Inject
    CommentService comments;

    @Inject
    ReportService reports;

    public DemoArticle load() {
        if (articles.settings(ARTICLE).isPresent()) {
            return new DemoArticle(ARTICLE, false, List.of());
        }
        articles.update(ARTICLE, new ArticleSettingsUpdate("Le budget 2026 voté à l'Assemblée",
                "https://journal.example/politique/2026/budget-vote", true, false));
        List<DemoComment> loaded = new ArrayList<>();
        long jeanne = post(loaded, "comment", null, "Jeanne D.", "jeanne",
                "Enfin un budget qui parle des hôpitaux. Reste à voir les moyens réels.");
        post(loaded, "reply", jeanne, "Karim", "karim", "Les moyens réels sont dans le tableau de la page 4 : +2,1 % pour la santé.");
        post(loaded, "reply", jeanne, "Jeanne D.", "jeanne", "Merci, je ne l'avais pas vu.");
        long paul = post(loaded, "comment", null, "Paul", "paul", "Encore des impôts pour les classes moyennes, comme d'habitude.");
        post(loaded, "reply", paul, "Sophie", "sophie", "Relisez l'article : le barème de l'impôt sur le revenu ne change pas.");
        post(loaded, "comment", null, "Lucie", "lucie", "Quelqu'un sait quand le texte passe au Sénat ?");
        post(loaded, "held", null, "Promo Budget", "promo", "Tout comprendre au budget sur www.mon-blog-budget.fr, cliquez vite !");
        long reported = post(loaded, "reported", null, "Marc", "marc", "Ces chiffres sont faux, le gouvernement ment comme toujours.");
        reports.report(reported, new NewReport(ReportReason.MISINFORMATION, "Aucune source pour ces affirmations", "demo-reader"),
                new ClientOrigin("192.0.2.200"));
        return new DemoArticle(ARTICLE, true, List.copyOf(loaded));
    }

    private long post(List<DemoComment> loaded, String role, Long parentId, String name, String who, String text) {
        int author = Math.abs(who.hashCode() % 150) + 10;
        CommentService.Posted posted = comments.post(ARTICLE, new NewComment(name, who + "@demo.example", text, parentId),
                new ClientOrigin("192.0.2." + author));
        loaded.add(new DemoComment(posted.id(), role, parentId, posted.status().name()));
        return posted.id();
    }
}
