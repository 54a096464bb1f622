package dev.strata.controlcenter.application;

import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Slows down password guessing. Failed password checks are counted per principal name and per
 * client address; past a few free failures, each further one makes the next check wait twice as
 * long as the one before (1 s, 2 s, 4 s, ... up to 15 minutes). While a name or an address must
 * wait, its passwords are not checked at all — right or wrong — so a guesser learns nothing and
 * spends none of the server's slow hashing.
 *
 * <p>Per name, so that a guesser with many addresses gets a handful of tries per account and hour;
 * per address, so that one address cannot try one password against many names. A successful login
 * forgets the name's failures (not the address's: a guesser with an account of its own must not be
 * able to wipe its address clean). Failures are forgotten an hour after the last one. The cost is
 * that a guesser can make a person wait to log in with a password (never with an API key, which is
 * not throttled: 256 random bits cannot be guessed).
 *
 * <p>The counts live in this process's memory: each node of a cluster counts on its own, and a
 * restart forgets them.
 */
@ApplicationScoped
public class LoginThrottle {
  /** Failed checks of one name that cost nothing. */
  static final int FREE_PER_NAME = 5;

  /** Failed checks from one address that cost nothing (people behind one NAT share it). */
  static final int FREE_PER_ADDRESS = 50;

  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);

  /** Failures this old, with none since, are forgotten. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  /** Beyond this many names and addresses, those that make no one wait are dropped. */
  static final int MAX_TRACKED = 100_000;

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  private record Failures(int count, Instant last, int free) {
    Instant blockedUntil() {
      return last.plus(delay(count, free));
    }
  }

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  @Inject Clock clock;

  /** How long a failure count makes the next check wait. */
  static Duration delay(int count, int free) {
    if (count < free) {
      return Duration.ZERO;
    }
    int doublings = count - free;
    if (doublings >= 30) {
      return MAX_DELAY;
    }
    Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  /**
   * How long a password for {@code name} (empty: not a valid name) from {@code address} must wait
   * before it is checked; empty when it may be checked now.
   */
  public Optional<Duration> mustWait(Optional<PrincipalName> name, String address) {
    Instant now = clock.instant();
    Instant until = now;
    for (String key : keys(name, address)) {
      Failures f = failures.get(key);
      if (f != null && f.blockedUntil().isAfter(until)) {
        until = f.blockedUntil();
      }
    }
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  /**
   * Counts a failed check; returns how long the next check of this name or address must now wait,
   * empty when it need not.
   */
  public Optional<Duration> failed(Optional<PrincipalName> name, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED) {
      forgetHarmless(now);
    }
    failures.compute("address:" + address, (k, f) -> next(f, now, FREE_PER_ADDRESS));
    name.ifPresent(
        n -> failures.compute("name:" + n.value(), (k, f) -> next(f, now, FREE_PER_NAME)));
    return mustWait(name, address);
  }

  /** A correct password: the name's failures are forgotten. */
  public void succeeded(PrincipalName name) {
    failures.remove("name:" + name.value());
  }

  private static Failures next(Failures f, Instant now, int free) {
    int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 0 : f.count();
    return new Failures(count + 1, now, free);
  }

  private static List<String> keys(Optional<PrincipalName> name, String address) {
    List<String> keys = new ArrayList<>(2);
    keys.add("address:" + address);
    name.ifPresent(n -> keys.add("name:" + n.value()));
    return keys;
  }

  /** Drops the entries that make no one wait; if that is not enough, all of them. */
  private void forgetHarmless(Instant now) {
    failures.values().removeIf(f -> !f.blockedUntil().isAfter(now));
    if (failures.size() >= MAX_TRACKED) {
      LOG.warning(
          () ->
              "more than "
                  + MAX_TRACKED
                  + " names and addresses are throttled at once; forgetting all their failures");
      failures.clear();
    }
  }
}
