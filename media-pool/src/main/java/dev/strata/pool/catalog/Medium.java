package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.Text;
import dev.strata.pool.TransitionRefusedException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A medium copies are written to: a tape cartridge (by barcode) or a disk or object volume. It
 * counts the bytes written to it and the bytes still referenced by live copies, so the lifecycle
 * can tell when reclaiming a partly expired cartridge pays. Its life cycle:
 *
 * <pre>
 *   cartridge: SCRATCH --startFilling--> FILLING --markFull--> FULL --vault--> VAULTED --recall--> READ_ONLY
 *   volume:    (registered FILLING)
 *   FILLING|FULL --writeProtect--> READ_ONLY;  any in use --markSuspect--> SUSPECT --reinstate--> READ_ONLY
 *   cartridge FULL|READ_ONLY|SUSPECT with nothing referenced --recycle--> SCRATCH
 *   anything with nothing referenced --retire--> RETIRED (final)
 * </pre>
 */
public class Medium {
  public static final int MAX_MEDIA_TYPE = 40;
  public static final int MAX_LOCATION = 200;

  private String id;
  private String targetId;
  private MediumKind kind;
  private String mediaType;
  private Long capacityBytes;
  private MediumState state;
  private long bytesWritten;
  private long bytesReferenced;
  private String vaultLocation;
  private String detail;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected Medium() {}

  /**
   * A cartridge of a tape target, found in its inventory, as scratch.
   *
   * @param mediaType for example {@code LTO9}, or {@code null} when unknown
   * @param capacityBytes native capacity, or {@code null} when unknown
   */
  public static Medium registerCartridge(
      MediumId barcode, StorageTarget target, String mediaType, Long capacityBytes, Instant now) {
    if (target.mediaClass() != MediaClass.TAPE) {
      throw new InvalidValueException(
          "target", "cartridges belong to tape targets, not to " + target.kind());
    }
    return create(
        barcode, target, MediumKind.CARTRIDGE, mediaType, capacityBytes, now, MediumState.SCRATCH);
  }

  /** A volume of a disk or object-store target, ready to be written. */
  public static Medium registerVolume(
      MediumId id, StorageTarget target, Long capacityBytes, Instant now) {
    MediumKind kind =
        switch (target.mediaClass()) {
          case DISK -> MediumKind.DISK_VOLUME;
          case OBJECT -> MediumKind.OBJECT_VOLUME;
          case TAPE ->
              throw new InvalidValueException(
                  "target", "a tape target holds cartridges, not volumes");
        };
    return create(id, target, kind, null, capacityBytes, now, MediumState.FILLING);
  }

  private static Medium create(
      MediumId id,
      StorageTarget target,
      MediumKind kind,
      String mediaType,
      Long capacityBytes,
      Instant now,
      MediumState state) {
    if (capacityBytes != null && capacityBytes <= 0) {
      throw new InvalidValueException("capacityBytes", "capacityBytes is positive when given");
    }
    Medium m = new Medium();
    m.id = Objects.requireNonNull(id, "id").value();
    m.targetId = target.id().value();
    m.kind = kind;
    m.mediaType = Text.optional("mediaType", mediaType, MAX_MEDIA_TYPE);
    m.capacityBytes = capacityBytes;
    m.state = state;
    m.createdAt = now;
    m.updatedAt = now;
    return m;
  }

  /** A scratch cartridge is labelled and opened for writing. */
  public void startFilling(Instant now) {
    switch (state) {
      case FILLING -> {}
      case SCRATCH -> move(MediumState.FILLING, now);
      default -> refuse("start filling", "only a scratch cartridge is opened for writing");
    }
  }

  /** {@code bytes} of copies were written; they are referenced until released. */
  public void recordWrite(long bytes, Instant now) {
    if (state != MediumState.FILLING) {
      refuse("record a write", "only a filling medium is written");
    }
    if (bytes < 0) {
      throw new InvalidValueException("bytes", "bytes written is not negative");
    }
    bytesWritten = Math.addExact(bytesWritten, bytes);
    bytesReferenced = Math.addExact(bytesReferenced, bytes);
    updatedAt = now;
  }

  /** Copies of {@code bytes} on this medium were deleted: their space is dead until reclaimed. */
  public void release(long bytes, Instant now) {
    if (state == MediumState.RETIRED) {
      refuse("release bytes", "a retired medium references nothing");
    }
    if (bytes < 0 || bytes > bytesReferenced) {
      throw new InvalidValueException(
          "bytes",
          "cannot release " + bytes + " bytes; " + bytesReferenced + " are referenced on " + id);
    }
    bytesReferenced -= bytes;
    updatedAt = now;
  }

  /** The medium reached its end (early warning on tape, a full volume). */
  public void markFull(Instant now) {
    switch (state) {
      case FULL -> {}
      case FILLING -> move(MediumState.FULL, now);
      default -> refuse("become full", "only a filling medium fills up");
    }
  }

  /** Nothing more is appended, on purpose. */
  public void writeProtect(Instant now) {
    switch (state) {
      case READ_ONLY -> {}
      case FILLING, FULL -> move(MediumState.READ_ONLY, now);
      default -> refuse("be write-protected", "only a medium in use is write-protected");
    }
  }

  /** An error or a failed verification casts doubt on the medium. */
  public void markSuspect(String reason, Instant now) {
    switch (state) {
      case SUSPECT -> {}
      case SCRATCH, FILLING, FULL, READ_ONLY -> {
        move(MediumState.SUSPECT, now);
        detail = Text.optional("detail", reason, MAX_LOCATION);
      }
      default -> refuse("become suspect", "it is not in the library's service");
    }
  }

  /** A suspect medium that verified well again serves reads, never writes. */
  public void reinstate(Instant now) {
    if (state != MediumState.SUSPECT) {
      refuse("be reinstated", "only a suspect medium is reinstated");
    }
    move(MediumState.READ_ONLY, now);
    detail = null;
  }

  /** A written cartridge leaves for the offsite vault at {@code location}. */
  public void vault(String location, Instant now) {
    if (kind != MediumKind.CARTRIDGE) {
      refuse("be vaulted", "only cartridges leave the data center");
    }
    if (state != MediumState.FULL && state != MediumState.READ_ONLY) {
      refuse("be vaulted", "only a full or read-only cartridge is vaulted");
    }
    String where = Text.required("location", location, MAX_LOCATION);
    move(MediumState.VAULTED, now);
    vaultLocation = where;
  }

  /** A vaulted cartridge is back in the library; it is read, not appended to. */
  public void recall(Instant now) {
    if (state != MediumState.VAULTED) {
      refuse("be recalled", "only a vaulted cartridge is recalled");
    }
    move(MediumState.READ_ONLY, now);
    vaultLocation = null;
  }

  /** A cartridge whose copies are all gone becomes scratch again (its old data is dead). */
  public void recycle(Instant now) {
    if (kind != MediumKind.CARTRIDGE) {
      refuse("be recycled", "volumes are reused by deleting objects, not recycled");
    }
    if (state != MediumState.FULL
        && state != MediumState.READ_ONLY
        && state != MediumState.SUSPECT) {
      refuse("be recycled", "only a full, read-only or suspect cartridge is recycled");
    }
    requireUnreferenced("be recycled");
    bytesWritten = 0;
    detail = null;
    move(MediumState.SCRATCH, now);
  }

  /** The medium leaves service for good; only when no live copy is on it. */
  public void retire(Instant now) {
    if (state == MediumState.RETIRED) {
      return;
    }
    requireUnreferenced("retire");
    move(MediumState.RETIRED, now);
  }

  private void requireUnreferenced(String transition) {
    if (bytesReferenced > 0) {
      refuse(transition, bytesReferenced + " bytes of live copies are still on it");
    }
  }

  private void move(MediumState next, Instant now) {
    state = next;
    updatedAt = now;
  }

  private void refuse(String transition, String why) {
    throw new TransitionRefusedException("medium", id, state, transition, why);
  }

  public MediumId id() {
    return new MediumId(id);
  }

  public TargetId targetId() {
    return new TargetId(targetId);
  }

  public MediumKind kind() {
    return kind;
  }

  public Optional<String> mediaType() {
    return Optional.ofNullable(mediaType);
  }

  public OptionalLong capacityBytes() {
    return capacityBytes == null ? OptionalLong.empty() : OptionalLong.of(capacityBytes);
  }

  public MediumState state() {
    return state;
  }

  public long bytesWritten() {
    return bytesWritten;
  }

  public long bytesReferenced() {
    return bytesReferenced;
  }

  /** Written bytes no live copy needs any more: what reclaiming the medium would win. */
  public long bytesReclaimable() {
    return bytesWritten - bytesReferenced;
  }

  public Optional<String> vaultLocation() {
    return Optional.ofNullable(vaultLocation);
  }

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
