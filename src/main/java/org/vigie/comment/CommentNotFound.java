package org.vigie.comment;

import org.vigie.platform.DomainException;

/** No comment with this id, or none the asker may see. */
public class CommentNotFound extends DomainException {
    public CommentNotFound(long id) {
        super(404, "comment-not-found", "Comment not found", "No comment with id " + id + ".");
    }
}
