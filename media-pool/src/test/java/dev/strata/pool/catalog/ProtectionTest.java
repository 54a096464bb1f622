package dev.strata.pool.catalog;

import static dev.strata.pool.catalog.Catalog.ACME;
import static dev.strata.pool.catalog.Catalog.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TenantId;
import dev.strata.pool.policy.CopyRequirements;
import dev.strata.pool.policy.DefaultPolicies;
import dev.strata.pool.policy.PolicyRef;
import dev.strata.pool.policy.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectionTest {
  private static final CopyRequirements GOLD = DefaultPolicies.gold().requirements();
  private static final StorageTarget TAPE_A = Catalog.target("tape-a", "a", TargetKind.VTL);
  private static final StorageTarget DISK_B = Catalog.target("disk-b", "b", TargetKind.DISK);
  private static final StorageTarget S3_C = Catalog.target("s3-c", "c", TargetKind.OBJECT_STORE);
  private static final PackHash P1 = PackHash.of(Catalog.hex(1));
  private static final PackHash P2 = PackHash.of(Catalog.hex(2));

  private static Snapshot snapshot() {
    return Snapshot.record(
        SnapshotId.of(Catalog.hex(99)),
        Catalog.set(),
        1,
        T0,
        1 << 30,
        SigningKey.of(Catalog.hex(7)),
        ObjectKey.of("snapshots/" + Catalog.hex(99)),
        List.of(P1, P2),
        T0);
  }

  private static PackCopy copy(TenantId tenant, PackHash p, StorageTarget t, boolean verify) {
    PackCopy c = PackCopy.plan(tenant, p, t, T0);
    c.markDurable(
        t.mediaClass() == MediaClass.TAPE
            ? new CopyLocation.OnTape(MediumId.of("T1"), 1, 0)
            : CopyLocation.ByKey.of("data/" + p.hex()),
        Duration.ZERO,
        T0);
    if (verify) {
      c.recordVerification(VerificationOutcome.INTACT, T0);
    }
    return c;
  }

  private static List<PackCopy> fullGold() {
    List<PackCopy> out = new ArrayList<>();
    for (PackHash p : List.of(P1, P2)) {
      out.add(copy(ACME, p, TAPE_A, true));
      out.add(copy(ACME, p, DISK_B, true));
      out.add(copy(ACME, p, S3_C, true));
    }
    return out;
  }

  @Test
  void everyRequiredCopyVerifiedIsProtected() {
    Protection p = Protection.assess(snapshot(), GOLD, fullGold(), t -> t.equals(DISK_B.id()));
    assertThat(p.state()).isEqualTo(ProtectionState.PROTECTED);
    assertThat(p.packs()).isEqualTo(2);
    assertThat(p.missing()).isEmpty();
  }

  @Test
  void anUnverifiedCopyIsNamedAsMissingAndCountedAsAwaiting() {
    List<PackCopy> copies = fullGold();
    copies.set(0, copy(ACME, P1, TAPE_A, false));
    Protection p = Protection.assess(snapshot(), GOLD, copies, t -> t.equals(DISK_B.id()));
    assertThat(p.state()).isEqualTo(ProtectionState.PARTIALLY_PROTECTED);
    assertThat(p.awaitingVerification()).isEqualTo(1);
    assertThat(p.missing())
        .extracting(m -> m.worst().requirement())
        .containsExactly(Requirement.COPIES, Requirement.DATA_CENTERS, Requirement.MEDIA_CLASS);
    assertThat(p.missing().get(2).describe()).isEqualTo("0 of 1 copies on TAPE (in 1 pack)");
  }

  @Test
  void aPackWithoutAnyVerifiedCopyPutsTheSnapshotAtRisk() {
    List<PackCopy> copies = new ArrayList<>(fullGold());
    copies.removeIf(c -> c.pack().equals(P2));
    copies.add(copy(ACME, P2, DISK_B, false));
    Protection p = Protection.assess(snapshot(), GOLD, copies, t -> true);
    assertThat(p.state()).isEqualTo(ProtectionState.AT_RISK);
    assertThat(p.packsAtRisk()).isEqualTo(1);
  }

  @Test
  void suspectLostAndOtherTenantsCopiesDoNotCount() {
    List<PackCopy> copies = fullGold();
    copies.get(0).recordVerification(VerificationOutcome.CORRUPT, T0);
    Protection p = Protection.assess(snapshot(), GOLD, copies, t -> true);
    assertThat(p.state()).isEqualTo(ProtectionState.PARTIALLY_PROTECTED);
    List<PackCopy> foreign = new ArrayList<>();
    for (PackHash h : List.of(P1, P2)) {
      foreign.add(copy(TenantId.of("other"), h, TAPE_A, true));
    }
    assertThat(Protection.assess(snapshot(), GOLD, foreign, t -> true).state())
        .isEqualTo(ProtectionState.AT_RISK);
  }

  @Test
  void theRestoreObjectiveCountsOnlyWithAFastCopy() {
    Protection p = Protection.assess(snapshot(), GOLD, fullGold(), t -> false);
    assertThat(p.state()).isEqualTo(ProtectionState.PARTIALLY_PROTECTED);
    assertThat(p.missing())
        .extracting(m -> m.worst().requirement())
        .containsExactly(Requirement.RESTORE_TIME);
    assertThat(p.missing().get(0).packs()).isEqualTo(2);
  }

  @Test
  void aSnapshotNeedsPacksAndASequence() {
    assertThatThrownBy(
            () ->
                Snapshot.record(
                    SnapshotId.of(Catalog.hex(1)),
                    Catalog.set(),
                    1,
                    T0,
                    0,
                    SigningKey.of(Catalog.hex(7)),
                    ObjectKey.of("snapshots/x"),
                    List.of(),
                    T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("packs"));
    Snapshot s = snapshot();
    assertThat(s.packs()).containsExactly(P1, P2);
    assertThat(s.tenantId()).isEqualTo(ACME);
    assertThat(s.backupSetId()).isEqualTo(Catalog.set().id());
  }

  @Test
  void aBackupSetKnowsWhenItsPolicyMovedOn() {
    BackupSet set = Catalog.set();
    assertThat(set.isOutdated(PolicyRef.of("gold", 1))).isFalse();
    assertThat(set.isOutdated(PolicyRef.of("gold", 2))).isTrue();
    assertThat(set.isOutdated(PolicyRef.of("silver", 5))).isFalse();
    set.planUnder(PolicyRef.of("gold", 2), T0.plusSeconds(1));
    assertThat(set.isOutdated(PolicyRef.of("gold", 2))).isFalse();
    assertThatThrownBy(() -> set.planUnder(PolicyRef.of("gold", 1), T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("policy"));
    set.planUnder(PolicyRef.of("bronze", 1), T0.plusSeconds(2));
    assertThat(set.policy()).isEqualTo(PolicyRef.of("bronze", 1));
    assertThat(
            set.isOutdated(
                dev.strata.pool.policy.QosPolicy.define(
                        DefaultPolicies.BRONZE, DefaultPolicies.bronze(), T0)
                    .revise(DefaultPolicies.bronze(), T0)))
        .isTrue();
    assertThatThrownBy(
            () ->
                BackupSet.create(
                    BackupSetId.of("x"), ACME, null, null, " ", PolicyRef.of("gold", 1), T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("name"));
  }
}
