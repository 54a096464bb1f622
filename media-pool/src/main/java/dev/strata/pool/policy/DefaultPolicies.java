package dev.strata.pool.policy;

import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The three policies a fresh control center offers, {@code gold}, {@code silver} and {@code
 * bronze}. They are data: the catalog's migration inserts them as revision 1 with exactly these
 * values (see {@code docs/policies.md} for the table and the reasons), and a test keeps that table,
 * this class and the migration in step. Operators revise them like any other policy.
 */
public final class DefaultPolicies {
  public static final PolicyName GOLD = PolicyName.of("gold");
  public static final PolicyName SILVER = PolicyName.of("silver");
  public static final PolicyName BRONZE = PolicyName.of("bronze");

  private static final long MB = 1_000_000L;

  private DefaultPolicies() {}

  /** Three copies in three data centers, one offline on tape and one on disk; all data verified. */
  public static PolicyTerms gold() {
    return PolicyTerms.builder()
        .copies(3)
        .minDataCenters(3)
        .atLeast(1, MediaClass.TAPE)
        .atLeast(1, MediaClass.DISK)
        .immutability(Duration.ofDays(30))
        .retention(Duration.ofDays(365))
        .verifyEvery(Duration.ofDays(7), VerificationDepth.ALL)
        .floor(new ServiceFloor(0.99, 20 * MB, 40 * MB, 0.001))
        .restoreTimeObjective(Duration.ofHours(4))
        .price(PricePerGibMonth.ofDecimal("0.05"))
        .description(
            "Three copies in three data centers, one offline on tape, one on disk; "
                + "immutable for 30 days, kept a year, fully verified weekly")
        .build();
  }

  /** Two copies in two data centers, one on disk; a tenth verified monthly. */
  public static PolicyTerms silver() {
    return PolicyTerms.builder()
        .copies(2)
        .minDataCenters(2)
        .atLeast(1, MediaClass.DISK)
        .immutability(Duration.ofDays(7))
        .retention(Duration.ofDays(90))
        .verifyEvery(Duration.ofDays(30), VerificationDepth.sampled(10))
        .floor(new ServiceFloor(0.95, 10 * MB, 20 * MB, 0.01))
        .restoreTimeObjective(Duration.ofHours(24))
        .price(PricePerGibMonth.ofDecimal("0.02"))
        .description(
            "Two copies in two data centers, one on disk; immutable for 7 days, kept 90 days, "
                + "10% verified monthly")
        .build();
  }

  /** One copy anywhere that serves; a sample verified quarterly. */
  public static PolicyTerms bronze() {
    return PolicyTerms.builder()
        .copies(1)
        .minDataCenters(1)
        .immutability(Duration.ZERO)
        .retention(Duration.ofDays(30))
        .verifyEvery(Duration.ofDays(90), VerificationDepth.sampled(1))
        .floor(new ServiceFloor(0.90, 0, 0, 0.05))
        .restoreTimeObjective(Duration.ofHours(72))
        .price(PricePerGibMonth.ofDecimal("0.008"))
        .description("One copy on any serving target; kept 30 days, 1% verified quarterly")
        .build();
  }

  /** Revision 1 of each default, in the order gold, silver, bronze. */
  public static List<QosPolicy> all(Instant now) {
    return List.of(
        QosPolicy.define(GOLD, gold(), now),
        QosPolicy.define(SILVER, silver(), now),
        QosPolicy.define(BRONZE, bronze(), now));
  }
}
