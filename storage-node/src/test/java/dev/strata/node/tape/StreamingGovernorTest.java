package dev.strata.node.tape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingGovernorTest {
  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  final StreamingGovernor g = new StreamingGovernor(100, Duration.ofMinutes(15));

  static StagedPack staged(long length, Instant at) {
    return new StagedPack(TenantId.of("a"), PackId.of("0".repeat(64)), "gold", length, at);
  }

  @Test
  void mountsNothingForAFewSmallPacksBeforeTheirDeadline() {
    assertThat(g.due(List.of(), T0, false)).isFalse();
    assertThat(g.due(List.of(staged(40, T0), staged(40, T0)), T0.plusSeconds(60), false)).isFalse();
  }

  @Test
  void mountsOnceABatchIsStagedOrTheOldestWaitedItsDeadlineOrOnAFlush() {
    assertThat(g.due(List.of(staged(60, T0), staged(40, T0)), T0, false)).isTrue();
    assertThat(g.due(List.of(staged(1, T0)), T0.plus(Duration.ofMinutes(15)), false)).isTrue();
    assertThat(g.due(List.of(staged(1, T0)), T0, true)).isTrue();
  }
}
