package dev.strata.node.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.format.grant.Grant;
import dev.strata.format.grant.GrantIssuerKey;
import dev.strata.format.grant.GrantOperation;
import dev.strata.format.grant.Grants;
import dev.strata.node.packs.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every check a node makes on a grant, with a fixed clock. */
class GrantCheckerTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  final GrantIssuerKey center = GrantIssuerKey.generate(new SecureRandom());
  final GrantIssuerKey next = GrantIssuerKey.generate(new SecureRandom());
  final GrantChecker checker =
      new GrantChecker(
          List.of(center.publicKey(), next.publicKey()),
          "dc2",
          "dc2-a",
          Duration.ofHours(24),
          Clock.fixed(NOW, ZoneOffset.UTC));

  String token(
      GrantIssuerKey key,
      Instant issued,
      Duration ttl,
      String dc,
      String node,
      String tenant,
      GrantOperation... ops) {
    return "Bearer "
        + Grants.issue(
            new Grant(
                key.keyId(),
                issued,
                issued.plus(ttl),
                tenant,
                "",
                dc,
                node,
                Set.of(ops),
                List.of()),
            key);
  }

  String ok(GrantOperation op) {
    return token(center, NOW.minusSeconds(60), Duration.ofHours(1), "dc2", "", "acme", op);
  }

  @Test
  void acceptsAGrantForThisDataCenterTenantAndOperation() throws Exception {
    Grant g =
        checker.check(
            ok(GrantOperation.PACK_READ),
            GrantOperation.PACK_READ,
            Optional.of(TenantId.of("acme")));
    assertThat(g.tenant()).isEqualTo("acme");
    // Either of the two configured issuer keys (a rotation in progress).
    checker.check(
        token(next, NOW, Duration.ofMinutes(5), "dc2", "dc2-a", "acme", GrantOperation.PACK_READ),
        GrantOperation.PACK_READ,
        Optional.of(TenantId.of("acme")));
  }

  @Test
  void refusesWhatTheGrantDoesNotCover() {
    assertThatThrownBy(
            () ->
                checker.check(
                    ok(GrantOperation.PACK_READ),
                    GrantOperation.PACK_WRITE,
                    Optional.of(TenantId.of("acme"))))
        .isInstanceOfSatisfying(AccessDenied.class, d -> assertThat(d.unauthenticated()).isFalse())
        .hasMessageContaining("PACK_WRITE");
    assertThatThrownBy(
            () ->
                checker.check(
                    ok(GrantOperation.PACK_READ),
                    GrantOperation.PACK_READ,
                    Optional.of(TenantId.of("globex"))))
        .hasMessageContaining("tenant globex");
    assertThatThrownBy(
            () ->
                checker.check(
                    token(
                        center,
                        NOW,
                        Duration.ofHours(1),
                        "dc3",
                        "",
                        "acme",
                        GrantOperation.PACK_READ),
                    GrantOperation.PACK_READ,
                    Optional.of(TenantId.of("acme"))))
        .hasMessageContaining("data center dc3");
    assertThatThrownBy(
            () ->
                checker.check(
                    token(
                        center,
                        NOW,
                        Duration.ofHours(1),
                        "dc2",
                        "dc2-b",
                        "acme",
                        GrantOperation.PACK_READ),
                    GrantOperation.PACK_READ,
                    Optional.of(TenantId.of("acme"))))
        .hasMessageContaining("node dc2-b");
  }

  @Test
  void refusesGrantsOutsideTheirTimeOrTooLongLived() {
    assertThatThrownBy(
            () ->
                checker.check(
                    token(
                        center,
                        NOW.minus(Duration.ofHours(2)),
                        Duration.ofHours(1),
                        "dc2",
                        "",
                        "acme",
                        GrantOperation.PACK_READ),
                    GrantOperation.PACK_READ,
                    Optional.of(TenantId.of("acme"))))
        .isInstanceOfSatisfying(AccessDenied.class, d -> assertThat(d.unauthenticated()).isTrue())
        .hasMessageContaining("expired");
    assertThatThrownBy(
            () ->
                checker.check(
                    token(
                        center,
                        NOW.plus(Duration.ofMinutes(10)),
                        Duration.ofHours(1),
                        "dc2",
                        "",
                        "acme",
                        GrantOperation.PACK_READ),
                    GrantOperation.PACK_READ,
                    Optional.of(TenantId.of("acme"))))
        .hasMessageContaining("not valid before");
    assertThatThrownBy(
            () ->
                checker.check(
                    token(
                        center,
                        NOW,
                        Duration.ofDays(2),
                        "dc2",
                        "",
                        "acme",
                        GrantOperation.PACK_READ),
                    GrantOperation.PACK_READ,
                    Optional.of(TenantId.of("acme"))))
        .hasMessageContaining("longer than");
  }

  @Test
  void acceptsACenterClockSlightlyAhead() throws Exception {
    checker.check(
        token(
            center,
            NOW.plus(Duration.ofSeconds(90)),
            Duration.ofHours(1),
            "dc2",
            "",
            "acme",
            GrantOperation.PACK_READ),
        GrantOperation.PACK_READ,
        Optional.of(TenantId.of("acme")));
  }

  @Test
  void refusesMissingMalformedAndUntrustedGrants() {
    assertThatThrownBy(() -> checker.check(null, GrantOperation.PACK_READ, Optional.empty()))
        .hasMessageContaining("needs a grant");
    assertThatThrownBy(
            () ->
                checker.check(
                    "Basic YWxhZGRpbjpvcGVuc2VzYW1l", GrantOperation.PACK_READ, Optional.empty()))
        .hasMessageContaining("Bearer");
    GrantIssuerKey rogue = GrantIssuerKey.generate(new SecureRandom());
    assertThatThrownBy(
            () ->
                checker.check(
                    token(
                        rogue,
                        NOW,
                        Duration.ofHours(1),
                        "dc2",
                        "",
                        "acme",
                        GrantOperation.PACK_READ),
                    GrantOperation.PACK_READ,
                    Optional.of(TenantId.of("acme"))))
        .hasMessageContaining("unknown key");
  }
}
