package dev.strata.controlcenter.interfaces.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/principals/{name}/password}. */
@Schema(name = "PasswordRequest")
public record PasswordRequest(
    @Schema(
            description =
                "Your current password, required when you set your own (not when an administrator"
                    + " resets another's)",
            writeOnly = true)
        String currentPassword,
    @Schema(
            required = true,
            description = "The new password, 12 to 1024 characters; never stored as given",
            writeOnly = true,
            example = "correct horse battery staple")
        @NotNull
        String password) {
  /** Never the password. */
  @Override
  public String toString() {
    return "PasswordRequest[***]";
  }
}
