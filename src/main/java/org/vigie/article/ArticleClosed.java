package org.vigie.article;

import org.vigie.platform.DomainException;

/** The article no longer takes comments. */
public class ArticleClosed extends DomainException {
    public ArticleClosed(String articleKey) {
        super(409, "article-closed", "Article closed",
                "Comments are closed on article " + articleKey + ".");
    }
}
