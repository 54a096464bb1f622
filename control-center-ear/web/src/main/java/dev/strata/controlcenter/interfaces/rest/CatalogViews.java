package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.SnapshotStatus;
import dev.strata.pool.AgentId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.CopyLocation;
import dev.strata.pool.catalog.CopyState;
import dev.strata.pool.catalog.Medium;
import dev.strata.pool.catalog.MediumId;
import dev.strata.pool.catalog.MediumKind;
import dev.strata.pool.catalog.MediumState;
import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.Protection;
import dev.strata.pool.catalog.ProtectionState;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.VerificationOutcome;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's views of the backup catalog. */
public final class CatalogViews {
  private CatalogViews() {}

  @Schema(name = "BackupSet", description = "A tenant's protected source and its policy")
  public record BackupSetView(
      String id,
      String tenant,
      String name,
      String agent,
      String host,
      String policy,
      int policyRevision,
      boolean policyOutdated,
      Instant createdAt,
      Instant updatedAt) {
    static BackupSetView of(BackupSet s, boolean outdated) {
      return new BackupSetView(
          s.id().value(),
          s.tenantId().value(),
          s.name(),
          s.agentId().map(AgentId::value).orElse(null),
          s.host().orElse(null),
          s.policy().name().value(),
          s.policy().revision(),
          outdated,
          s.createdAt(),
          s.updatedAt());
    }
  }

  @Schema(name = "BackupSetPage")
  public record BackupSetPage(List<BackupSetView> items, String next) {}

  @Schema(
      name = "Protection",
      description =
          "Derived now from the copies and the policy: PROTECTED when every required copy exists"
              + " and was read back, PARTIALLY_PROTECTED with what is missing, AT_RISK when a pack"
              + " has no verified copy")
  public record ProtectionView(
      ProtectionState state,
      int packs,
      int packsAtRisk,
      int awaitingVerification,
      List<String> missing) {
    static ProtectionView of(Protection p) {
      return new ProtectionView(
          p.state(),
          p.packs(),
          p.packsAtRisk(),
          p.awaitingVerification(),
          p.missing().stream().map(Protection.Missing::describe).toList());
    }
  }

  @Schema(name = "Snapshot")
  public record SnapshotView(
      String id,
      String backupSet,
      long sequence,
      Instant takenAt,
      long sizeBytes,
      String signingKey,
      int packs,
      ProtectionView protection) {
    static SnapshotView of(SnapshotStatus st) {
      Snapshot s = st.snapshot();
      return new SnapshotView(
          s.id().hex(),
          s.backupSetId().value(),
          s.sequence(),
          s.takenAt(),
          s.sizeBytes(),
          s.signingKey().hex(),
          s.packs().size(),
          ProtectionView.of(st.protection()));
    }
  }

  @Schema(name = "SnapshotPage")
  public record SnapshotPage(List<SnapshotView> items, String next) {}

  @Schema(name = "PackCopy", description = "Where one copy of one pack is, and its state")
  public record CopyView(
      String pack,
      String target,
      String dataCenter,
      MediaClass mediaClass,
      CopyState state,
      String medium,
      Long tapeFileNumber,
      Long tapeBlockOffset,
      String objectKey,
      Instant immutableUntil,
      Instant lastVerifiedAt,
      VerificationOutcome lastVerification) {
    static CopyView of(PackCopy c) {
      CopyLocation loc = c.location().orElse(null);
      return new CopyView(
          c.pack().hex(),
          c.targetId().value(),
          c.dataCenterId().value(),
          c.mediaClass(),
          c.state(),
          loc == null ? null : loc.medium().map(MediumId::value).orElse(null),
          loc instanceof CopyLocation.OnTape t ? t.fileNumber() : null,
          loc instanceof CopyLocation.OnTape t ? t.blockOffset() : null,
          loc instanceof CopyLocation.ByKey k ? k.key().value() : null,
          c.immutableUntil().orElse(null),
          c.lastVerifiedAt().orElse(null),
          c.lastVerification().orElse(null));
    }
  }

  @Schema(name = "SnapshotDetail", description = "A snapshot with its protection and every copy")
  public record SnapshotDetail(SnapshotView snapshot, List<String> packs, List<CopyView> copies) {
    static SnapshotDetail of(SnapshotStatus st) {
      return new SnapshotDetail(
          SnapshotView.of(st),
          st.snapshot().packs().stream().map(PackHash::hex).sorted().toList(),
          st.copies().stream().map(CopyView::of).toList());
    }
  }

  @Schema(name = "Medium", description = "A cartridge or a disk/object volume")
  public record MediumView(
      String id,
      String target,
      MediumKind kind,
      String mediaType,
      Long capacityBytes,
      MediumState state,
      long bytesWritten,
      long bytesReferenced,
      long bytesReclaimable,
      String vaultLocation,
      Instant updatedAt) {
    static MediumView of(Medium m) {
      return new MediumView(
          m.id().value(),
          m.targetId().value(),
          m.kind(),
          m.mediaType().orElse(null),
          ProbeView.boxed(m.capacityBytes()),
          m.state(),
          m.bytesWritten(),
          m.bytesReferenced(),
          m.bytesReclaimable(),
          m.vaultLocation().orElse(null),
          m.updatedAt());
    }
  }

  @Schema(name = "MediumPage")
  public record MediumPage(List<MediumView> items, String next) {}
}
