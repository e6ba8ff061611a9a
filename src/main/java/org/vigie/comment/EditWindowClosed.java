package org.vigie.comment;

import java.time.Instant;

import org.vigie.platform.DomainException;

/** The time in which the author may edit the comment ({@code vigie.comments.edit-window}) is over. */
public class EditWindowClosed extends DomainException {
    public EditWindowClosed(long id, Instant editableUntil) {
        super(409, "edit-window-closed", "Edit window closed",
                "Comment " + id + " could be edited until " + editableUntil + ".", "id");
    }
}
