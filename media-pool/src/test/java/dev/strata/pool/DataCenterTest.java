package dev.strata.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DataCenterTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void namesDefaultToTheIdAndTextIsTrimmed() {
    DataCenter dc =
        DataCenter.establish(DataCenterId.of("fra-1"), null, "  Frankfurt  ", NetworkLink.WAN, T0);
    assertThat(dc.name()).isEqualTo("fra-1");
    assertThat(dc.location()).contains("Frankfurt");
    assertThat(dc.createdAt()).isEqualTo(T0);
  }

  @Test
  void describeChangesAttributesAndTouchesUpdatedAt() {
    DataCenter dc = DataCenter.establish(DataCenterId.of("a"), "A", null, NetworkLink.LOCAL, T0);
    Instant t1 = T0.plusSeconds(5);
    dc.describe("Site A", "Basement", NetworkLink.FIBRE_CHANNEL, t1);
    assertThat(dc.name()).isEqualTo("Site A");
    assertThat(dc.link()).isEqualTo(NetworkLink.FIBRE_CHANNEL);
    assertThat(dc.updatedAt()).isEqualTo(t1);
    assertThat(dc.createdAt()).isEqualTo(T0);
  }

  @Test
  void rejectsIdsThatAreNotSlugs() {
    for (String bad :
        new String[] {"", "A", "-a", "a-", "a_b", "a".repeat(64), "dc/1", "..", "é"}) {
      assertThatThrownBy(() -> DataCenterId.of(bad))
          .isInstanceOf(InvalidValueException.class)
          .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("id"));
    }
    assertThat(DataCenterId.of("a".repeat(63)).value()).hasSize(63);
  }

  @Test
  void rejectsMissingLinkAndOverlongOrControlText() {
    DataCenterId id = DataCenterId.of("x");
    assertThatThrownBy(() -> DataCenter.establish(id, "x", null, null, T0))
        .hasMessageContaining("link");
    assertThatThrownBy(() -> DataCenter.establish(id, "n".repeat(121), null, NetworkLink.WAN, T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("name"));
    assertThatThrownBy(() -> DataCenter.establish(id, "x", "a\u0000b", NetworkLink.WAN, T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("location"));
  }
}
