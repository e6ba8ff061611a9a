package org.vigie.comment;

/**
 * What readers see of an article's thread has changed: fired in the transaction that changes it, and
 * acted on once it commits. A null article means every thread (an author erased everywhere).
 *
 * @param leavesNoDelta the change shows or hides no comment, so leaves no count delta by which the other
 *        instances would learn of it (an erasure, an edit of a visible comment's text): it is announced to
 *        them in its transaction
 */
public record ThreadChanged(Long articleId, boolean leavesNoDelta) {

    /** A comment shown or hidden: the count delta it leaves tells the other instances. */
    public ThreadChanged(Long articleId) {
        this(articleId, false);
    }

    public static ThreadChanged everywhere() {
        return new ThreadChanged(null, true);
    }

    /** A visible comment's text changed, and it stays visible. */
    public static ThreadChanged textOf(long articleId) {
        return new ThreadChanged(articleId, true);
    }
}
