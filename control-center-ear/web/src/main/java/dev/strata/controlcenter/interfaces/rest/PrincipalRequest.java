package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.identity.Role;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/principals}. */
@Schema(name = "PrincipalRequest")
public record PrincipalRequest(
    @Schema(
            required = true,
            description = "Login name and identity: 1-63 lower-case letters, digits or . _ @ -",
            example = "laptop-7.acme")
        @NotNull
        String name,
    @Schema(required = true, description = "What the principal may do", example = "AGENT") @NotNull
        Role role,
    @Schema(
            description =
                "The tenant of a tenant role (TENANT_ADMIN, TENANT_USER, AGENT, APPLICATION);"
                    + " a tenant administrator's own when absent",
            example = "acme")
        String tenant,
    @Schema(
            description =
                "Initial password of a person (OPERATOR and MEMBER roles), 12 to 1024 characters;"
                    + " never stored as given, never shown again",
            writeOnly = true)
        String password) {
  /** Never the password. */
  @Override
  public String toString() {
    return "PrincipalRequest[" + name + ", " + role + ", " + tenant + "]";
  }
}
