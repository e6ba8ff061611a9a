package org.vigie.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account an admin creates. */
@Schema(name = "NewModerator")
public record NewModerator(
        @Schema(description = "3 to 64 of a-z, 0-9, '.', '_' and '-'", examples = "camille", required = true)
        @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}", message = "{org.vigie.Username.message}")
        String username,

        @Schema(description = "12 to 72 characters", required = true)
        @NotNull @Size(min = 12, max = 72)
        String password,

        @Schema(enumeration = { "moderator", "admin" }, required = true)
        @NotNull @Pattern(regexp = "moderator|admin", message = "{org.vigie.Role.message}")
        String role) {

    @Override
    public String toString() {
        return "NewModerator[username=" + username + ", role=" + role + "]";
    }
}
