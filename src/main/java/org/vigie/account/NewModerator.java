package org.vigie.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.http.MaxUtf8Bytes;

/** An account an admin creates. */
@Schema(name = "NewModerator")
public record NewModerator(
        @Schema(description = "3 to 64 of a-z, 0-9, '.', '_' and '-'", examples = "camille", required = true)
        @NotBlank @Pattern(regexp = USERNAME, message = "{org.vigie.Username.message}")
        String username,

        @Schema(description = "12 characters or more, at most 72 bytes in UTF-8", required = true)
        @NotNull @Size(min = 12) @MaxUtf8Bytes(72)
        String password,

        @Schema(enumeration = { "moderator", "admin" }, required = true)
        @NotNull @Pattern(regexp = "moderator|admin", message = "{org.vigie.Role.message}")
        String role) {

    public static final String USERNAME = "[a-z0-9._-]{3,64}";

    @Override
    public String toString() {
        return "NewModerator[username=" + username + ", role=" + role + "]";
    }
}
