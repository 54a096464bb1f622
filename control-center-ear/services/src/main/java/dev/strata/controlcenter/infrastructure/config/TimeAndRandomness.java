package dev.strata.controlcenter.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Produces the sources of time and randomness, so that nothing deeper in the code calls {@code
 * Instant.now()} or {@code new Random()} and tests can substitute both.
 */
@ApplicationScoped
public class TimeAndRandomness {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Non-cryptographic randomness (probe payloads), seeded once from the system's entropy and safe
   * to share between threads.
   */
  @Produces
  @Singleton
  RandomGenerator random() {
    SplittableRandom seeded = new SplittableRandom(new SecureRandom().nextLong());
    return new RandomGenerator() {
      @Override
      public synchronized long nextLong() {
        return seeded.nextLong();
      }
    };
  }
}
