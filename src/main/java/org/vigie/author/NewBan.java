package org.vigie.author;

import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.http.EmailAddress;
import org.vigie.platform.Times;

/** A ban to make: an email, an address hash (from a comment's full view), or both. */
@Schema(name = "NewBan")
public record NewBan(
        @EmailAddress String email,
        @Schema(description = "The address hash shown in a comment's full view") @Pattern(regexp = "[0-9a-f]{32}",
                message = "{org.vigie.IpHash.message}") String ipHash,
        @Schema(required = true) @NotBlank @Size(max = 500) String reason,
        @Schema(description = "A time in the future: a suspension that ends by itself. Absent: until lifted")
        @Future Instant until,
        @Schema(description = "Also reject the author's comments already visible or pending") Boolean rejectExisting) {

    @JsonIgnore
    @AssertTrue(message = "{org.vigie.Until.message}")
    @Schema(hidden = true)
    public boolean isUntil() {
        return until == null || Times.storable(until);
    }

    @JsonIgnore
    @AssertTrue(message = "{org.vigie.BanTarget.message}")
    @Schema(hidden = true)
    public boolean isEmailOrIpHash() {
        return (email != null && !email.isBlank()) || (ipHash != null && !ipHash.isBlank());
    }

    @Override
    public String toString() {
        return "NewBan[until=" + until + "]";
    }
}
