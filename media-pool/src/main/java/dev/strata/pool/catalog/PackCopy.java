package dev.strata.pool.catalog;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.Text;
import dev.strata.pool.TransitionRefusedException;
import dev.strata.pool.policy.CopyFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One copy of a pack on one target: where it lies, how far it got, and what its last verification
 * found. Its life cycle, through named transitions that refuse the impossible:
 *
 * <pre>
 *   PLANNED --startWriting--> WRITING --markDurable--> DURABLE --recordVerification(INTACT)--> VERIFIED
 *      |                         |         (PLANNED may also go straight to DURABLE)  ^            |
 *      +--------abandon----------+--> DELETED          recordVerification(CORRUPT|MISSING)|markSuspect
 *                                                                    v              |            |
 *                                                                 SUSPECT ---------+ (INTACT)    |
 *   DURABLE, VERIFIED, SUSPECT --declareLost--> LOST;  DURABLE, VERIFIED, SUSPECT, LOST --delete--> DELETED
 * </pre>
 *
 * A copy cannot be deleted before its immutability period (set when it became durable) ends. The
 * target's data center and media class are copied in at planning, since they never change for a
 * target, so the policy's requirements can be checked on copies alone.
 */
public class PackCopy {
  public static final int MAX_DETAIL = 500;

  private Long id;
  private String tenantId;
  private String packHash;
  private String targetId;
  private String dataCenterId;
  private MediaClass mediaClass;
  private CopyState state;
  private String mediumId;
  private Long tapeFileNumber;
  private Long tapeBlockOffset;
  private String objectKey;
  private Instant immutableUntil;
  private Instant lastVerifiedAt;
  private VerificationOutcome lastVerification;
  private String detail;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected PackCopy() {}

  /** Plans a copy of {@code pack} on {@code target}, which must accept new copies (be ACTIVE). */
  public static PackCopy plan(TenantId tenant, PackHash pack, StorageTarget target, Instant now) {
    if (!target.state().acceptsNewCopies()) {
      throw new InvalidValueException(
          "target",
          "target '" + target.id() + "' is " + target.state() + " and takes no new copies");
    }
    PackCopy c = new PackCopy();
    c.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    c.packHash = Objects.requireNonNull(pack, "pack").hex();
    c.targetId = target.id().value();
    c.dataCenterId = target.dataCenterId().value();
    c.mediaClass = target.mediaClass();
    c.state = CopyState.PLANNED;
    c.createdAt = now;
    c.updatedAt = now;
    return c;
  }

  /** The bytes start to flow. Repeating it changes nothing. */
  public void startWriting(Instant now) {
    switch (state) {
      case WRITING -> {}
      case PLANNED -> move(CopyState.WRITING, null, now);
      default -> refuse("start writing", "only a planned copy is written");
    }
  }

  /**
   * The target acknowledged the copy as durable at {@code location}; it stays immutable for {@code
   * immutability} from now (the policy's period).
   */
  public void markDurable(CopyLocation location, Duration immutability, Instant now) {
    if (state != CopyState.PLANNED && state != CopyState.WRITING) {
      refuse("become durable", "it was made durable before");
    }
    Objects.requireNonNull(location, "location");
    if (immutability == null || immutability.isNegative()) {
      throw new InvalidValueException("immutability", "an immutability period is not negative");
    }
    boolean tape = mediaClass == MediaClass.TAPE;
    if (tape != (location instanceof CopyLocation.OnTape)) {
      throw new InvalidValueException(
          "location",
          "a copy on "
              + mediaClass
              + " lies "
              + (tape ? "on a cartridge (file and block)" : "under an object key"));
    }
    if (location instanceof CopyLocation.OnTape t) {
      this.mediumId = t.cartridge().value();
      this.tapeFileNumber = t.fileNumber();
      this.tapeBlockOffset = t.blockOffset();
    } else if (location instanceof CopyLocation.ByKey k) {
      this.mediumId = k.volume().map(MediumId::value).orElse(null);
      this.objectKey = k.key().value();
    }
    this.immutableUntil = now.plus(immutability);
    move(CopyState.DURABLE, null, now);
  }

  /**
   * Records what reading the copy back found: intact makes it VERIFIED (also a suspect copy that
   * reads well again), corrupt or missing makes it SUSPECT.
   */
  public void recordVerification(VerificationOutcome outcome, Instant now) {
    Objects.requireNonNull(outcome, "outcome");
    if (!state.holdsData()) {
      refuse("record a verification", "only a durable, verified or suspect copy is read back");
    }
    this.lastVerifiedAt = now;
    this.lastVerification = outcome;
    if (outcome == VerificationOutcome.INTACT) {
      move(CopyState.VERIFIED, null, now);
    } else {
      move(CopyState.SUSPECT, "verification found it " + outcome, now);
    }
  }

  /** Something other than a read-back casts doubt on it (its medium or target is suspect). */
  public void markSuspect(String reason, Instant now) {
    switch (state) {
      case SUSPECT -> {}
      case DURABLE, VERIFIED -> move(CopyState.SUSPECT, reason, now);
      default -> refuse("become suspect", "it holds no data");
    }
  }

  /** The copy is gone for good (medium destroyed, target lost). */
  public void declareLost(String reason, Instant now) {
    switch (state) {
      case LOST -> {}
      case DURABLE, VERIFIED, SUSPECT -> move(CopyState.LOST, reason, now);
      default -> refuse("be declared lost", "it never held data");
    }
  }

  /** A planned or half-written copy is given up (the write failed, the plan changed). */
  public void abandon(Instant now) {
    switch (state) {
      case PLANNED, WRITING -> move(CopyState.DELETED, "abandoned before it was durable", now);
      case DELETED -> {}
      default -> refuse("be abandoned", "it is durable; delete it instead");
    }
  }

  /**
   * Removes the copy (expired, or moved and its successor verified). Refused while it is immutable,
   * unless it is already lost.
   */
  public void delete(Instant now) {
    switch (state) {
      case DELETED -> {}
      case LOST -> move(CopyState.DELETED, null, now);
      case DURABLE, VERIFIED, SUSPECT -> {
        if (immutableUntil != null && now.isBefore(immutableUntil)) {
          refuse("be deleted", "it is immutable until " + immutableUntil);
        }
        move(CopyState.DELETED, null, now);
      }
      default -> refuse("be deleted", "abandon a copy that is not durable");
    }
  }

  private void move(CopyState next, String why, Instant now) {
    this.state = next;
    this.detail = Text.optional("detail", truncate(why), MAX_DETAIL);
    this.updatedAt = now;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
  }

  private void refuse(String transition, String why) {
    throw new TransitionRefusedException(
        "copy", id == null ? packHash + "@" + targetId : id, state, transition, why);
  }

  /** What the policy's requirements look at in this copy. */
  public CopyFacts facts(boolean withinRestoreObjective) {
    return new CopyFacts(targetId(), dataCenterId(), mediaClass, withinRestoreObjective);
  }

  /** Catalog-assigned id; empty before the copy is stored. */
  public Optional<CopyId> id() {
    return id == null ? Optional.empty() : Optional.of(new CopyId(id));
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public PackHash pack() {
    return new PackHash(packHash);
  }

  public TargetId targetId() {
    return new TargetId(targetId);
  }

  public DataCenterId dataCenterId() {
    return new DataCenterId(dataCenterId);
  }

  public MediaClass mediaClass() {
    return mediaClass;
  }

  public CopyState state() {
    return state;
  }

  /** Where the copy lies, once durable. */
  public Optional<CopyLocation> location() {
    if (tapeFileNumber != null) {
      return Optional.of(
          new CopyLocation.OnTape(new MediumId(mediumId), tapeFileNumber, tapeBlockOffset));
    }
    if (objectKey != null) {
      return Optional.of(
          new CopyLocation.ByKey(
              new ObjectKey(objectKey),
              mediumId == null ? Optional.empty() : Optional.of(new MediumId(mediumId))));
    }
    return Optional.empty();
  }

  public Optional<Instant> immutableUntil() {
    return Optional.ofNullable(immutableUntil);
  }

  public Optional<Instant> lastVerifiedAt() {
    return Optional.ofNullable(lastVerifiedAt);
  }

  public Optional<VerificationOutcome> lastVerification() {
    return Optional.ofNullable(lastVerification);
  }

  /** Why the copy is in its state, when that needs saying (suspect, lost, abandoned). */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
