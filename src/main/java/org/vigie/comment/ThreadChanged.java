package org.vigie.comment;

/**
 * What readers see of an article's thread has changed: fired in the transaction that changes it, and
 * acted on once it commits. A null article means every thread (an author erased everywhere).
 */
public record ThreadChanged(Long articleId) {

    public static ThreadChanged everywhere() {
        return new ThreadChanged(null);
    }
}
