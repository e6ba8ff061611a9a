package org.vigie.decision;

import org.vigie.platform.DomainException;

/** A decision must say which version of the comment it was made on. */
public class VersionRequired extends DomainException {
    public VersionRequired() {
        super(400, "version-required", "Version required",
                "Send the comment's version (from the queue) in the body or as If-Match, so that two moderators never"
                        + " overwrite each other.", "version");
    }
}
