package dev.strata.pool.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VerificationScheduleTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final Duration WEEK = Duration.ofDays(7);

  @Test
  void aCopyNeverReadBackIsDue() {
    assertThat(VerificationSchedule.due(1, Optional.empty(), WEEK, 1, NOW)).isTrue();
  }

  @Test
  void aCopyReadBackWithinTheIntervalIsNotDueWhateverTheDepth() {
    Optional<Instant> yesterday = Optional.of(NOW.minus(Duration.ofDays(1)));
    assertThat(LongStream.range(0, 1000))
        .noneMatch(id -> VerificationSchedule.due(id, yesterday, WEEK, 100, NOW));
  }

  @Test
  void atFullDepthEveryCopyOlderThanTheIntervalIsDue() {
    Optional<Instant> old = Optional.of(NOW.minus(Duration.ofDays(8)));
    assertThat(LongStream.range(0, 1000))
        .allMatch(id -> VerificationSchedule.due(id, old, WEEK, 100, NOW));
  }

  @Test
  void aSampledDepthPicksAboutItsShareAndOtherCopiesInTheNextPeriod() {
    Optional<Instant> old = Optional.of(NOW.minus(Duration.ofDays(30)));
    Set<Long> first = new HashSet<>();
    LongStream.range(0, 10_000)
        .filter(id -> VerificationSchedule.due(id, old, WEEK, 10, NOW))
        .forEach(first::add);
    assertThat(first.size()).isBetween(850, 1150);

    Set<Long> next = new HashSet<>();
    LongStream.range(0, 10_000)
        .filter(id -> VerificationSchedule.due(id, old, WEEK, 10, NOW.plus(WEEK)))
        .forEach(next::add);
    assertThat(next.size()).isBetween(850, 1150);
    Set<Long> both = new HashSet<>(first);
    both.retainAll(next);
    assertThat(both.size()).as("a new sample each period").isLessThan(200);

    // Within one period the choice is stable: a restarted run picks the same copies.
    assertThat(
            LongStream.range(0, 10_000)
                .filter(
                    id ->
                        VerificationSchedule.due(
                            id, old, WEEK, 10, NOW.plus(Duration.ofMinutes(1))))
                .boxed()
                .toList())
        .containsExactlyInAnyOrderElementsOf(first);
  }
}
