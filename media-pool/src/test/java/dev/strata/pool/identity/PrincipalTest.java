package dev.strata.pool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PrincipalTest {
  private static final TenantId ACME = TenantId.of("acme");

  @Test
  void aTenantsPrincipalsAreNamedInTheTenantsOwnSpace() {
    Principal p =
        Principal.create(PrincipalName.of("bob@acme"), Role.TENANT_USER, ACME, Instant.EPOCH);
    assertThat(p.tenant()).contains(ACME);
    assertThatThrownBy(
            () -> Principal.create(PrincipalName.of("bob"), Role.TENANT_USER, ACME, Instant.EPOCH))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("<name>@acme");
    assertThatThrownBy(
            () -> Principal.create(PrincipalName.of("bob@globex"), Role.AGENT, ACME, Instant.EPOCH))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void operatorsHaveNoTenantAndNoAtInTheirName() {
    assertThat(
            Principal.create(PrincipalName.of("ops"), Role.OPERATOR, null, Instant.EPOCH).tenant())
        .isEmpty();
    assertThatThrownBy(
            () ->
                Principal.create(PrincipalName.of("ops@acme"), Role.OPERATOR, null, Instant.EPOCH))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () -> Principal.create(PrincipalName.of("ops"), Role.ADMIN, ACME, Instant.EPOCH))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () -> Principal.create(PrincipalName.of("x@acme"), Role.AGENT, null, Instant.EPOCH))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void machinesHoldKeysNotPasswords() {
    Principal agent =
        Principal.create(PrincipalName.of("laptop@acme"), Role.AGENT, ACME, Instant.EPOCH);
    assertThatThrownBy(() -> agent.setPasswordHash("x")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void anApiKeyIsCheckedWholeAndNeverShown() {
    ApiKeyToken token =
        ApiKeyToken.generate(java.util.random.RandomGenerator.of("L64X128MixRandom"));
    assertThat(ApiKeyToken.parse(token.text())).contains(token);
    assertThat(token.toString()).doesNotContain(token.secret());
    Principal agent =
        Principal.create(PrincipalName.of("laptop@acme"), Role.AGENT, ACME, Instant.EPOCH);
    ApiKey key = ApiKey.issue(agent, token, "cron", Instant.EPOCH);
    assertThat(key.accepts(token)).isTrue();
    assertThat(key.accepts(new ApiKeyToken(token.keyId(), "A".repeat(43)))).isFalse();
    key.revoke(Instant.EPOCH);
    assertThat(key.accepts(token)).isFalse();
    assertThat(ApiKeyToken.parse("stk_short_x")).isEmpty();
  }
}
