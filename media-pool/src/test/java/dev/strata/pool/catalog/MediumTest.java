package dev.strata.pool.catalog;

import static dev.strata.pool.catalog.Catalog.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TransitionRefusedException;
import org.junit.jupiter.api.Test;

class MediumTest {
  private static final StorageTarget VTL = Catalog.target("vtl", "a", TargetKind.VTL);
  private static final StorageTarget DISK = Catalog.target("disk", "a", TargetKind.DISK);
  private static final StorageTarget S3 = Catalog.target("bucket", "a", TargetKind.OBJECT_STORE);

  private static Medium cartridge() {
    return Medium.registerCartridge(MediumId.of("ABC123L9"), VTL, "LTO9", 18_000_000_000_000L, T0);
  }

  @Test
  void aCartridgeFillsIsVaultedRecalledAndRecycledWhenNothingIsReferenced() {
    Medium m = cartridge();
    assertThat(m.state()).isEqualTo(MediumState.SCRATCH);
    assertThat(m.kind()).isEqualTo(MediumKind.CARTRIDGE);
    m.startFilling(T0);
    m.recordWrite(1_000, T0);
    m.recordWrite(500, T0);
    m.markFull(T0);
    m.release(1_000, T0);
    assertThat(m.bytesWritten()).isEqualTo(1_500);
    assertThat(m.bytesReferenced()).isEqualTo(500);
    assertThat(m.bytesReclaimable()).isEqualTo(1_000);
    m.vault("Iron Mountain, shelf 12", T0);
    assertThat(m.vaultLocation()).contains("Iron Mountain, shelf 12");
    m.recall(T0);
    assertThat(m.state()).isEqualTo(MediumState.READ_ONLY);
    assertThatThrownBy(() -> m.recycle(T0))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("500 bytes of live copies");
    m.release(500, T0);
    m.recycle(T0);
    assertThat(m.state()).isEqualTo(MediumState.SCRATCH);
    assertThat(m.bytesWritten()).isZero();
  }

  @Test
  void aSuspectMediumComesBackReadOnlyAndIsNeverAppendedTo() {
    Medium m = cartridge();
    m.startFilling(T0);
    m.markSuspect("medium error at block 77", T0);
    assertThat(m.detail()).contains("medium error at block 77");
    assertThatThrownBy(() -> m.recordWrite(1, T0)).isInstanceOf(TransitionRefusedException.class);
    m.reinstate(T0);
    assertThat(m.state()).isEqualTo(MediumState.READ_ONLY);
    assertThatThrownBy(() -> m.startFilling(T0)).isInstanceOf(TransitionRefusedException.class);
  }

  @Test
  void aMediumWithLiveCopiesIsNotRetiredAndARetiredOneIsFinal() {
    Medium m = cartridge();
    m.startFilling(T0);
    m.recordWrite(10, T0);
    assertThatThrownBy(() -> m.retire(T0)).isInstanceOf(TransitionRefusedException.class);
    m.release(10, T0);
    m.retire(T0);
    assertThat(m.state()).isEqualTo(MediumState.RETIRED);
    assertThatThrownBy(() -> m.markSuspect("x", T0)).isInstanceOf(TransitionRefusedException.class);
    assertThatThrownBy(() -> m.release(0, T0)).isInstanceOf(TransitionRefusedException.class);
  }

  @Test
  void volumesAreNotVaultedOrRecycledAndBelongToDiskOrObjectTargets() {
    Medium v = Medium.registerVolume(MediumId.of("vol-1"), DISK, null, T0);
    assertThat(v.kind()).isEqualTo(MediumKind.DISK_VOLUME);
    assertThat(v.state()).isEqualTo(MediumState.FILLING);
    v.markFull(T0);
    assertThatThrownBy(() -> v.vault("offsite", T0)).isInstanceOf(TransitionRefusedException.class);
    assertThatThrownBy(() -> v.recycle(T0)).isInstanceOf(TransitionRefusedException.class);
    assertThat(Medium.registerVolume(MediumId.of("b"), S3, 5L, T0).kind())
        .isEqualTo(MediumKind.OBJECT_VOLUME);
    assertThatThrownBy(() -> Medium.registerVolume(MediumId.of("x"), VTL, null, T0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Medium.registerCartridge(MediumId.of("x"), DISK, null, null, T0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> v.release(1, T0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("0 are referenced");
  }
}
