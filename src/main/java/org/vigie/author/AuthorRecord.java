package org.vigie.author;

/** An author's comments so far, by email: approved (visible), rejected and pending. */
public record AuthorRecord(long approved, long rejected, long pending) {

    public static final AuthorRecord NONE = new AuthorRecord(0, 0, 0);
}
