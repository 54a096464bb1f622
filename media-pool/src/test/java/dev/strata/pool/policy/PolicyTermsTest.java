package dev.strata.pool.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PolicyTermsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static PolicyTerms.Builder valid() {
    return PolicyTerms.builder()
        .copies(3)
        .minDataCenters(2)
        .atLeast(1, MediaClass.TAPE)
        .immutability(Duration.ofDays(10))
        .retention(Duration.ofDays(30))
        .verifyEvery(Duration.ofDays(7), VerificationDepth.sampled(5))
        .restoreTimeObjective(Duration.ofHours(8))
        .price(PricePerGibMonth.ofDecimal("0.01"));
  }

  private static void refused(String field, UnaryOperator<PolicyTerms.Builder> change) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
  }

  @Test
  void validTermsKeepTheirValuesAndDropZeroClassRequirements() {
    PolicyTerms t = valid().atLeast(0, MediaClass.OBJECT).description("  test  ").build();
    assertThat(t.minCopies(MediaClass.TAPE)).isEqualTo(1);
    assertThat(t.minCopies(MediaClass.DISK)).isZero();
    assertThat(t.minCopiesPerClass()).containsOnlyKeys(MediaClass.TAPE);
    assertThat(t.description()).isEqualTo("test");
    assertThat(t.verificationDepth().isAll()).isFalse();
  }

  @Test
  void eachRuleNamesItsField() {
    refused("copies", b -> b.copies(0));
    refused("copies", b -> b.copies(17));
    refused("minDataCenters", b -> b.minDataCenters(0));
    refused("minDataCenters", b -> b.minDataCenters(4));
    refused("minCopiesPerClass", b -> b.atLeast(2, MediaClass.DISK).atLeast(2, MediaClass.OBJECT));
    refused("minCopiesPerClass.DISK", b -> b.atLeast(-1, MediaClass.DISK));
    refused("immutability", b -> b.immutability(Duration.ofDays(31)));
    refused("immutability", b -> b.immutability(Duration.ofSeconds(-1)));
    refused("retention", b -> b.retention(Duration.ofHours(23)));
    refused("retention", b -> b.retention(null));
    refused(
        "verificationInterval", b -> b.verifyEvery(Duration.ofMinutes(59), VerificationDepth.ALL));
    refused("verificationPercent", b -> b.verifyEvery(Duration.ofDays(1), null));
    refused("restoreTimeObjective", b -> b.restoreTimeObjective(Duration.ofSeconds(30)));
    refused("restoreTimeObjective", b -> b.restoreTimeObjective(Duration.ofMillis(90_500)));
    refused("price", b -> b.price(null));
    refused("floor", b -> b.floor(null));
    refused("description", b -> b.description("x".repeat(501)));
  }

  @Test
  void floorAndDepthValidateTheirOwnValues() {
    assertThatThrownBy(() -> new ServiceFloor(1.5, 0, 0, 0))
        .satisfies(
            e ->
                assertThat(((InvalidValueException) e).field()).isEqualTo("floor.minAvailability"));
    assertThatThrownBy(() -> new ServiceFloor(0, -1, 0, 0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new ServiceFloor(0, 0, 0, Double.NaN))
        .satisfies(
            e -> assertThat(((InvalidValueException) e).field()).isEqualTo("floor.maxErrorRate"));
    assertThatThrownBy(() -> VerificationDepth.sampled(0))
        .isInstanceOf(InvalidValueException.class);
    assertThat(VerificationDepth.ALL).hasToString("all");
    assertThat(VerificationDepth.sampled(10)).hasToString("10%");
  }

  @Test
  void aRevisionIsANewNumberedPolicyAndTheOldOneIsUnchanged() {
    QosPolicy v1 = QosPolicy.define(PolicyName.of("p"), valid().build(), T0);
    QosPolicy v2 = v1.revise(valid().copies(4).build(), T0.plusSeconds(60));
    assertThat(v1.ref()).isEqualTo(PolicyRef.of("p", 1));
    assertThat(v2.ref()).isEqualTo(PolicyRef.of("p", 2));
    assertThat(v1.terms().copies()).isEqualTo(3);
    assertThat(v2.terms().copies()).isEqualTo(4);
    assertThat(v2.createdAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(v1.ref().isSupersededBy(v2.ref())).isTrue();
    assertThat(v2.ref().isSupersededBy(v1.ref())).isFalse();
    assertThat(v1.ref().isSupersededBy(PolicyRef.of("q", 5))).isFalse();
    assertThat(v2.ref()).hasToString("p@2");
  }

  @Test
  void termsSurviveTheFlatPersistentForm() {
    PolicyTerms t =
        valid()
            .atLeast(1, MediaClass.DISK)
            .floor(new ServiceFloor(0.97, 5, 6, 0.02))
            .description("d")
            .build();
    assertThat(QosPolicy.define(PolicyName.of("p"), t, T0).terms()).isEqualTo(t);
    for (PolicyTerms d :
        new PolicyTerms[] {
          DefaultPolicies.gold(), DefaultPolicies.silver(), DefaultPolicies.bronze()
        }) {
      assertThat(QosPolicy.define(PolicyName.of("x"), d, T0).terms()).isEqualTo(d);
    }
  }

  @Test
  void policyRefsRefuseRevisionZeroAndNamesAreSlugs() {
    assertThatThrownBy(() -> PolicyRef.of("gold", 0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("revision"));
    assertThatThrownBy(() -> PolicyName.of("Gold"))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("policy"));
  }
}
