package org.vigie.article;

import org.vigie.platform.DomainException;

/** No article has this key yet. */
public class ArticleNotFound extends DomainException {
    public ArticleNotFound(String articleKey) {
        super(404, "article-not-found", "Article not found",
                "No article has the key " + articleKey + ".");
    }
}
