package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.MediaClass;
import dev.strata.pool.policy.PolicyTerms;
import dev.strata.pool.policy.QosPolicy;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision of a QoS policy, its terms in the shape a revision is requested in. */
@Schema(name = "Policy")
public record PolicyView(
    String name,
    int revision,
    Instant createdAt,
    int copies,
    int minDataCenters,
    int minTapeCopies,
    int minDiskCopies,
    int minObjectCopies,
    String immutability,
    String retention,
    String verificationInterval,
    int verificationPercent,
    double floorMinAvailability,
    long floorMinWriteBytesPerSecond,
    long floorMinReadBytesPerSecond,
    double floorMaxErrorRate,
    String restoreTimeObjective,
    String pricePerGibMonth,
    String description) {

  static PolicyView of(QosPolicy p) {
    PolicyTerms t = p.terms();
    return new PolicyView(
        p.name().value(),
        p.revision(),
        p.createdAt(),
        t.copies(),
        t.minDataCenters(),
        t.minCopies(MediaClass.TAPE),
        t.minCopies(MediaClass.DISK),
        t.minCopies(MediaClass.OBJECT),
        t.immutability().toString(),
        t.retention().toString(),
        t.verificationInterval().toString(),
        t.verificationDepth().percent(),
        t.floor().minAvailability(),
        t.floor().minWriteBytesPerSecond(),
        t.floor().minReadBytesPerSecond(),
        t.floor().maxErrorRate(),
        t.restoreTimeObjective().toString(),
        t.price().toDecimal().stripTrailingZeros().toPlainString(),
        t.description());
  }
}
