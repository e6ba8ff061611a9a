package org.vigie.comment;

import org.vigie.platform.DomainException;

/** A reply must answer a visible comment of the same article. */
public class InvalidParent extends DomainException {
    public InvalidParent() {
        super(422, "invalid-parent", "Invalid parent",
                "parentId must be the id of a visible comment of this article.", "parentId");
    }
}
