package dev.strata.pool.policy;

import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One revision of a quality-of-service policy. A revision never changes once written: {@link
 * #revise} makes the next revision under the same name, so a backup set that recorded the {@link
 * PolicyRef} it was planned under can tell that its policy moved on ({@code isOutdated}) and the
 * lifecycle can converge its copies to the new terms. The newest revision of a name is the policy
 * in force.
 *
 * <p>Persisted flat (one column per term, durations in seconds, the price in micros) so that the
 * catalog can filter and report on terms without decoding anything.
 */
public class QosPolicy {
  private Long id;
  private String name;
  private int revision;
  private int copies;
  private int minDataCenters;
  private int minTapeCopies;
  private int minDiskCopies;
  private int minObjectCopies;
  private long immutabilitySeconds;
  private long retentionSeconds;
  private long verificationIntervalSeconds;
  private int verificationPercent;
  private double floorMinAvailability;
  private long floorMinWriteBytesPerSecond;
  private long floorMinReadBytesPerSecond;
  private double floorMaxErrorRate;
  private long restoreTimeObjectiveSeconds;
  private long priceMicrosPerGibMonth;
  private String description;
  private Instant createdAt;

  /** For the persistence mapping only. */
  protected QosPolicy() {}

  private QosPolicy(PolicyName name, int revision, PolicyTerms terms, Instant now) {
    this.name = Objects.requireNonNull(name, "name").value();
    this.revision = revision;
    this.createdAt = Objects.requireNonNull(now, "now");
    Objects.requireNonNull(terms, "terms");
    this.copies = terms.copies();
    this.minDataCenters = terms.minDataCenters();
    this.minTapeCopies = terms.minCopies(MediaClass.TAPE);
    this.minDiskCopies = terms.minCopies(MediaClass.DISK);
    this.minObjectCopies = terms.minCopies(MediaClass.OBJECT);
    this.immutabilitySeconds = terms.immutability().getSeconds();
    this.retentionSeconds = terms.retention().getSeconds();
    this.verificationIntervalSeconds = terms.verificationInterval().getSeconds();
    this.verificationPercent = terms.verificationDepth().percent();
    this.floorMinAvailability = terms.floor().minAvailability();
    this.floorMinWriteBytesPerSecond = terms.floor().minWriteBytesPerSecond();
    this.floorMinReadBytesPerSecond = terms.floor().minReadBytesPerSecond();
    this.floorMaxErrorRate = terms.floor().maxErrorRate();
    this.restoreTimeObjectiveSeconds = terms.restoreTimeObjective().getSeconds();
    this.priceMicrosPerGibMonth = terms.price().micros();
    this.description = terms.description();
  }

  /** The first revision of a new policy. */
  public static QosPolicy define(PolicyName name, PolicyTerms terms, Instant now) {
    return new QosPolicy(name, 1, terms, now);
  }

  /** The next revision of this policy with new terms; this revision stays as it was. */
  public QosPolicy revise(PolicyTerms terms, Instant now) {
    return new QosPolicy(name(), revision + 1, terms, now);
  }

  /** Catalog-assigned row number; empty before the revision is stored. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  public PolicyName name() {
    return new PolicyName(name);
  }

  public int revision() {
    return revision;
  }

  public PolicyRef ref() {
    return new PolicyRef(name(), revision);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The terms of this revision (validated again, so a hand-edited row cannot slip through). */
  public PolicyTerms terms() {
    EnumMap<MediaClass, Integer> classes = new EnumMap<>(MediaClass.class);
    classes.put(MediaClass.TAPE, minTapeCopies);
    classes.put(MediaClass.DISK, minDiskCopies);
    classes.put(MediaClass.OBJECT, minObjectCopies);
    return new PolicyTerms(
        copies,
        minDataCenters,
        classes,
        Duration.ofSeconds(immutabilitySeconds),
        Duration.ofSeconds(retentionSeconds),
        Duration.ofSeconds(verificationIntervalSeconds),
        new VerificationDepth(verificationPercent),
        new ServiceFloor(
            floorMinAvailability,
            floorMinWriteBytesPerSecond,
            floorMinReadBytesPerSecond,
            floorMaxErrorRate),
        Duration.ofSeconds(restoreTimeObjectiveSeconds),
        new PricePerGibMonth(priceMicrosPerGibMonth),
        description);
  }

  public CopyRequirements requirements() {
    return terms().requirements();
  }
}
