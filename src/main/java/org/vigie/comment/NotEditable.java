package org.vigie.comment;

import org.vigie.platform.DomainException;

/**
 * The rules rejected the comment, or readers reported it: it stays as it was judged and reported, for a
 * moderator. The detail says no more, as the answer to the post did not say the comment was rejected.
 */
public class NotEditable extends DomainException {
    public NotEditable(long id) {
        super(409, "not-editable", "Comment not editable", "Comment " + id + " can no longer be edited.", "id");
    }
}
