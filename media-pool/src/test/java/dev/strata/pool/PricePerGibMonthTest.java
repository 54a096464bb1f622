package dev.strata.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricePerGibMonthTest {
  @Test
  void decimalsAreKeptExactlyInMicros() {
    assertThat(PricePerGibMonth.ofDecimal("0.0125").micros()).isEqualTo(12_500);
    assertThat(PricePerGibMonth.ofDecimal("3").micros()).isEqualTo(3_000_000);
    assertThat(PricePerGibMonth.ofDecimal("0.000001").micros()).isEqualTo(1);
    assertThat(PricePerGibMonth.ofDecimal("0.0100000").toDecimal())
        .isEqualTo(new BigDecimal("0.010000"));
    assertThat(PricePerGibMonth.ofMicros(12_500)).hasToString("0.0125");
  }

  @Test
  void refusesNegativeOverPreciseAndNonNumericPrices() {
    for (String bad : new String[] {"-1", "0.0000001", "abc", "", "1e300"}) {
      assertThatThrownBy(() -> PricePerGibMonth.ofDecimal(bad))
          .isInstanceOf(InvalidValueException.class)
          .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("price"));
    }
    assertThatThrownBy(() -> PricePerGibMonth.ofMicros(-1))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void tenantAndAgentIdsAreSlugs() {
    assertThat(TenantId.of("acme-1").value()).isEqualTo("acme-1");
    assertThat(AgentId.of("0f8fad5b-d9cb-469f-a165-70867728950e").value()).hasSize(36);
    assertThatThrownBy(() -> TenantId.of("Acme"))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("tenant"));
    assertThatThrownBy(() -> AgentId.of("a b"))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("agent"));
  }
}
