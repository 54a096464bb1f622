package dev.strata.pool.catalog;

import static dev.strata.pool.catalog.Catalog.ACME;
import static dev.strata.pool.catalog.Catalog.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TransitionRefusedException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackCopyTest {
  private static final PackHash PACK = PackHash.of(Catalog.hex(1));
  private static final StorageTarget VTL = Catalog.target("vtl", "a", TargetKind.VTL);
  private static final StorageTarget DISK = Catalog.target("disk", "b", TargetKind.DISK);
  private static final CopyLocation.OnTape ON_TAPE =
      new CopyLocation.OnTape(MediumId.of("ABC123L9"), 7, 4096);

  private static PackCopy durableOnTape() {
    PackCopy c = PackCopy.plan(ACME, PACK, VTL, T0);
    c.startWriting(T0.plusSeconds(1));
    c.markDurable(ON_TAPE, Duration.ofDays(30), T0.plusSeconds(2));
    return c;
  }

  @Test
  void aCopyGoesFromPlannedToVerifiedAndKeepsWhereItLies() {
    PackCopy c = durableOnTape();
    assertThat(c.state()).isEqualTo(CopyState.DURABLE);
    assertThat(c.location()).contains(ON_TAPE);
    assertThat(c.mediaClass()).isEqualTo(MediaClass.TAPE);
    assertThat(c.immutableUntil()).contains(T0.plusSeconds(2).plus(Duration.ofDays(30)));
    c.recordVerification(VerificationOutcome.INTACT, T0.plusSeconds(3));
    assertThat(c.state()).isEqualTo(CopyState.VERIFIED);
    assertThat(c.lastVerifiedAt()).contains(T0.plusSeconds(3));
    assertThat(c.lastVerification()).contains(VerificationOutcome.INTACT);
    assertThat(c.facts(true).dataCenter().value()).isEqualTo("a");
  }

  @Test
  void aFailedReadBackMakesItSuspectAndAGoodOneBringsItBack() {
    PackCopy c = durableOnTape();
    c.recordVerification(VerificationOutcome.CORRUPT, T0.plusSeconds(3));
    assertThat(c.state()).isEqualTo(CopyState.SUSPECT);
    assertThat(c.detail()).contains("verification found it CORRUPT");
    c.recordVerification(VerificationOutcome.INTACT, T0.plusSeconds(4));
    assertThat(c.state()).isEqualTo(CopyState.VERIFIED);
    assertThat(c.detail()).isEmpty();
    c.markSuspect("cartridge ABC123L9 reported medium errors", T0.plusSeconds(5));
    c.declareLost("cartridge destroyed", T0.plusSeconds(6));
    assertThat(c.state()).isEqualTo(CopyState.LOST);
    assertThatThrownBy(() -> c.recordVerification(VerificationOutcome.INTACT, T0.plusSeconds(7)))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("from state LOST");
  }

  @Test
  void anImmutableCopyIsNotDeletedBeforeItsTimeButALostOneIs() {
    PackCopy c = durableOnTape();
    assertThatThrownBy(() -> c.delete(T0.plus(Duration.ofDays(29))))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("immutable until");
    assertThat(c.state()).isEqualTo(CopyState.DURABLE);
    c.delete(T0.plus(Duration.ofDays(31)));
    assertThat(c.state()).isEqualTo(CopyState.DELETED);
    PackCopy lost = durableOnTape();
    lost.declareLost("library burnt", T0.plusSeconds(10));
    lost.delete(T0.plusSeconds(11));
    assertThat(lost.state()).isEqualTo(CopyState.DELETED);
  }

  @Test
  void theImpossibleIsRefused() {
    PackCopy planned = PackCopy.plan(ACME, PACK, DISK, T0);
    assertThatThrownBy(() -> planned.recordVerification(VerificationOutcome.INTACT, T0))
        .isInstanceOf(TransitionRefusedException.class);
    assertThatThrownBy(() -> planned.declareLost("x", T0))
        .isInstanceOf(TransitionRefusedException.class);
    assertThatThrownBy(() -> planned.delete(T0)).isInstanceOf(TransitionRefusedException.class);
    planned.abandon(T0);
    assertThat(planned.state()).isEqualTo(CopyState.DELETED);
    assertThatThrownBy(() -> planned.startWriting(T0))
        .isInstanceOf(TransitionRefusedException.class);
    PackCopy durable = durableOnTape();
    assertThatThrownBy(() -> durable.abandon(T0)).isInstanceOf(TransitionRefusedException.class);
    assertThatThrownBy(() -> durable.markDurable(ON_TAPE, Duration.ZERO, T0))
        .isInstanceOf(TransitionRefusedException.class);
  }

  @Test
  void theLocationMustFitTheMediaAndOnlyActiveTargetsGetCopies() {
    PackCopy onDisk = PackCopy.plan(ACME, PACK, DISK, T0);
    assertThatThrownBy(() -> onDisk.markDurable(ON_TAPE, Duration.ZERO, T0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("object key");
    onDisk.markDurable(CopyLocation.ByKey.of("data/" + Catalog.hex(1)), Duration.ZERO, T0);
    assertThat(onDisk.location().get().medium()).isEmpty();
    assertThatThrownBy(() -> new CopyLocation.OnTape(MediumId.of("X"), 0, 0))
        .satisfies(
            e -> assertThat(((InvalidValueException) e).field()).isEqualTo("tapeFileNumber"));
    StorageTarget draining = Catalog.target("dr", "a", TargetKind.DISK);
    draining.drain(T0);
    assertThatThrownBy(() -> PackCopy.plan(ACME, PACK, draining, T0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("DRAINING");
    assertThat(
            new CopyLocation.ByKey(ObjectKey.of("a/b"), Optional.of(MediumId.of("vol1"))).medium())
        .contains(MediumId.of("vol1"));
  }

  @Test
  void identifiersKeepTheirShapes() {
    assertThatThrownBy(() -> PackHash.of("ABC")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> SnapshotId.of(Catalog.hex(1).toUpperCase().replace('0', 'A')))
        .isInstanceOf(InvalidValueException.class);
    assertThat(SnapshotId.of(Catalog.hex(0xabcdef)).shortForm()).isEqualTo("00000000");
    assertThatThrownBy(() -> ObjectKey.of("a/../b")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ObjectKey.of("/a")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> MediumId.of("has space")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> CopyId.of(0)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> SigningKey.of("00")).isInstanceOf(InvalidValueException.class);
  }
}
