package dev.strata.disk;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How {@link PackStores} builds a store: the time and randomness it uses, its retry policy, S3
 * credentials and part size, and whether a fault injector is put in the stack (for drills and
 * tests; off in normal operation).
 */
public record StoreSettings(
    Clock clock,
    RandomGenerator random,
    RetryPolicy retry,
    RetryingPackStore.Pause pause,
    Optional<S3Credentials> s3Credentials,
    int s3PartSize,
    boolean faultInjection) {

  /** Sixteen MiB parts: a 64 MiB pack goes up in four verified parts. */
  public static final int DEFAULT_PART_SIZE = 16 << 20;

  /** Five attempts, backing off from 200 ms to at most 10 s, sleeping between them. */
  public static StoreSettings defaults(Clock clock, RandomGenerator random) {
    return new StoreSettings(
        clock,
        random,
        new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10)),
        d -> Thread.sleep(d.toMillis()),
        Optional.empty(),
        DEFAULT_PART_SIZE,
        false);
  }

  public StoreSettings withS3Credentials(S3Credentials credentials) {
    return new StoreSettings(
        clock, random, retry, pause, Optional.of(credentials), s3PartSize, faultInjection);
  }

  public StoreSettings withRetry(RetryPolicy policy, RetryingPackStore.Pause how) {
    return new StoreSettings(clock, random, policy, how, s3Credentials, s3PartSize, faultInjection);
  }

  public StoreSettings withS3PartSize(int bytes) {
    return new StoreSettings(clock, random, retry, pause, s3Credentials, bytes, faultInjection);
  }

  public StoreSettings withFaultInjection() {
    return new StoreSettings(clock, random, retry, pause, s3Credentials, s3PartSize, true);
  }
}
