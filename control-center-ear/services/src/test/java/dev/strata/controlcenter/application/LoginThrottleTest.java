package dev.strata.controlcenter.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.identity.PrincipalName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Optional<PrincipalName> ADMIN = Optional.of(PrincipalName.of("admin"));
  private static final String ATTACKER = "203.0.113.9";

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();
  private final LoginThrottle throttle = new LoginThrottle();

  @BeforeEach
  void wire() {
    throttle.clock = clock;
  }

  private void fail(int times, Optional<PrincipalName> name, String address) {
    for (int i = 0; i < times; i++) {
      throttle.failed(name, address);
    }
  }

  @Test
  void aFewFailuresCostNothing() {
    fail(LoginThrottle.FREE_PER_NAME - 1, ADMIN, ATTACKER);
    assertThat(throttle.mustWait(ADMIN, ATTACKER)).isEmpty();
  }

  @Test
  void eachFurtherFailureOfANameDoublesTheWaitUpToAMaximum() {
    fail(LoginThrottle.FREE_PER_NAME, ADMIN, ATTACKER);
    assertThat(throttle.mustWait(ADMIN, ATTACKER)).hasValue(Duration.ofSeconds(1));
    assertThat(throttle.mustWait(ADMIN, "198.51.100.1"))
        .as("another address guessing the same name waits too")
        .hasValue(Duration.ofSeconds(1));
    assertThat(throttle.failed(ADMIN, ATTACKER)).hasValue(Duration.ofSeconds(2));
    assertThat(throttle.failed(ADMIN, ATTACKER)).hasValue(Duration.ofSeconds(4));
    fail(20, ADMIN, ATTACKER);
    assertThat(throttle.mustWait(ADMIN, ATTACKER)).hasValue(LoginThrottle.MAX_DELAY);
  }

  @Test
  void theWaitRunsOut() {
    fail(LoginThrottle.FREE_PER_NAME + 2, ADMIN, ATTACKER);
    assertThat(throttle.mustWait(ADMIN, ATTACKER)).hasValue(Duration.ofSeconds(4));
    clock.now = clock.now.plusSeconds(3);
    assertThat(throttle.mustWait(ADMIN, ATTACKER)).hasValue(Duration.ofSeconds(1));
    clock.now = clock.now.plusSeconds(1);
    assertThat(throttle.mustWait(ADMIN, ATTACKER)).isEmpty();
  }

  @Test
  void oneAddressCannotTryOnePasswordAgainstManyNames() {
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      throttle.failed(Optional.of(PrincipalName.of("user" + i)), ATTACKER);
    }
    assertThat(throttle.mustWait(Optional.of(PrincipalName.of("someone-else")), ATTACKER))
        .hasValue(Duration.ofSeconds(1));
    assertThat(throttle.mustWait(Optional.empty(), ATTACKER)).isPresent();
    assertThat(throttle.mustWait(Optional.of(PrincipalName.of("someone-else")), "198.51.100.1"))
        .as("other addresses are not affected")
        .isEmpty();
  }

  @Test
  void aCorrectPasswordForgetsTheNamesFailuresButNotTheAddresss() {
    fail(LoginThrottle.FREE_PER_NAME, ADMIN, ATTACKER);
    throttle.succeeded(ADMIN.get());
    assertThat(throttle.mustWait(ADMIN, "198.51.100.1")).isEmpty();
    Optional<PrincipalName> mine = Optional.of(PrincipalName.of("attackers-own"));
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      throttle.failed(Optional.of(PrincipalName.of("victim" + i)), ATTACKER);
      throttle.succeeded(mine.get());
    }
    assertThat(throttle.mustWait(mine, ATTACKER))
        .as("logging in to its own account does not wipe the address clean")
        .isPresent();
  }

  @Test
  void failuresAreForgottenAnHourAfterTheLast() {
    fail(LoginThrottle.FREE_PER_NAME + 3, ADMIN, ATTACKER);
    clock.now = clock.now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
    assertThat(throttle.mustWait(ADMIN, ATTACKER)).isEmpty();
    assertThat(throttle.failed(ADMIN, ATTACKER)).as("counting starts anew").isEmpty();
  }
}
