package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.DriveLeases;
import dev.strata.tape.Element;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.fault.FaultInjectingTapeLibrary;
import dev.strata.tape.probe.ProbeCartridges;
import dev.strata.tape.probe.TapeProbe;
import dev.strata.tape.probe.TapeProbeReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tape probe against the VTL in this process, opened through the registry: a real write, read
 * back and comparison on the probe cartridge, drives in use left alone, and the faults of the
 * wrapper and of the VTL's own drives reported as what they are.
 */
class TapeProbeOnVtlTest {
  private static final int DRIVE0 = VirtualLibrary.FIRST_DRIVE;
  private static final int DRIVE1 = VirtualLibrary.FIRST_DRIVE + 1;
  private static final Barcode PROBE = Barcode.of("PRB000L9");

  @TempDir Path dir;
  private final DriveLeases leases = new DriveLeases();
  private TapeLibraries.Opened opened;

  /** A clock that moves one millisecond each time it is read. */
  static Clock steppingClock() {
    return new Clock() {
      private Instant now = Instant.parse("2026-01-01T00:00:00Z");

      @Override
      public synchronized Instant instant() {
        now = now.plusMillis(1);
        return now;
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
  }

  static TapeProbe probe() {
    return new TapeProbe(
        new SplittableRandom(7), steppingClock(), 1 << 20, 256 << 10, ProbeCartridges.DEFAULT);
  }

  private TapeLibraries.Opened open(LibraryConfig config) throws Exception {
    VirtualLibrary.create(dir, config);
    opened =
        TapeLibraries.discovered()
            .open(
                URI.create("vtl:" + dir),
                TapeSettings.defaults().withLeases(leases).withFaultInjection());
    return opened;
  }

  private FaultInjectingTapeLibrary faults() {
    return opened.faults().orElseThrow();
  }

  @BeforeEach
  void embeddedDefault() throws Exception {
    open(LibraryConfig.embeddedDefault("local-vtl"));
  }

  @AfterEach
  void close() throws Exception {
    opened.close();
  }

  private int slotOf(Barcode b) throws Exception {
    return opened.library().inventory().stream()
        .filter(e -> e.cartridge().filter(b::equals).isPresent())
        .findFirst()
        .map(Element::address)
        .orElseThrow();
  }

  @Test
  void theEmbeddedDefaultWritesReadsBackAndVerifiesOnItsProbeCartridge() throws Exception {
    int home = slotOf(PROBE);
    TapeProbeReport r = probe().probe(opened);
    assertThat(r.verified()).as(r.detail()).isTrue();
    assertThat(r.tested()).isTrue();
    assertThat(r.probeBytes()).isEqualTo(1 << 20);
    assertThat(r.cartridge()).contains("PRB000L9");
    assertThat(r.drive()).contains("local-vtl/drive0");
    assertThat(r.mount()).isEqualTo(Duration.ofMillis(1));
    assertThat(r.write()).isPositive();
    assertThat(r.read()).isPositive();
    assertThat(r.positioning()).isPositive();
    assertThat(r.unmount()).isPositive();
    // Capacity from the inventory: 20 data cartridges of 1.8 GB; cleaning and probe not counted.
    assertThat(r.capacity().byType()).containsEntry(CartridgeType.LTO9, 20).hasSize(1);
    assertThat(r.capacity().totalBytes()).isEqualTo(20L * 1_800_000_000L);
    assertThat(r.capacity().freeBytes()).isEqualTo(20L * 1_800_000_000L);
    assertThat(r.capacity().cleaning()).isEqualTo(1);
    assertThat(r.detail()).contains("PRB000L9", "verified", "20 data cartridge(s)");
    assertThat(slotOf(PROBE)).as("the cartridge went home").isEqualTo(home);
    assertThat(opened.library().inventory())
        .filteredOn(e -> e.address() == DRIVE0 || e.address() == DRIVE1)
        .allSatisfy(e -> assertThat(e.full()).isFalse());
  }

  @Test
  void everyProbeRewritesTheProbeCartridgeSoItNeverGrows() throws Exception {
    probe().probe(opened);
    Path data = dir.resolve("cartridges").resolve("PRB000L9").resolve("data");
    long size = Files.size(data);
    for (int i = 0; i < 3; i++) {
      assertThat(probe().probe(opened).verified()).isTrue();
    }
    assertThat(Files.size(data)).isEqualTo(size).isEqualTo(1 << 20);
  }

  @Test
  void aDriveLeasedInThisProcessIsLeftAloneAndTheNextFreeOneIsUsed() throws Exception {
    try (DriveLeases.Lease writer =
        leases.tryAcquire(opened.identity(), DRIVE0, "tape writer").orElseThrow()) {
      TapeProbeReport r = probe().probe(opened);
      assertThat(r.verified()).as(r.detail()).isTrue();
      assertThat(r.drive()).contains("local-vtl/drive1");
      assertThat(leases.holder(opened.identity(), DRIVE0)).contains("tape writer");
    }
    assertThat(leases.holder(opened.identity(), DRIVE1))
        .as("the probe gave its lease back")
        .isEmpty();
  }

  @Test
  void withNoFreeDriveTheLibraryIsReachableButUntestedAndSaysWhy() throws Exception {
    opened.library().move(slotOf(Barcode.of("STR000L9")), DRIVE1);
    try (DriveLeases.Lease writer =
        leases.tryAcquire(opened.identity(), DRIVE0, "tape writer").orElseThrow()) {
      TapeProbeReport r = probe().probe(opened);
      assertThat(r.reachable()).isTrue();
      assertThat(r.tested()).isFalse();
      assertThat(r.probeBytes()).isZero();
      assertThat(r.detail())
          .contains("no free drive", "100 is used by tape writer", "101 holds a cartridge");
    }
  }

  @Test
  void withoutAProbeCartridgeTheLibraryIsReachableButUntestedAndSaysWhy() throws Exception {
    opened.close();
    Path other = dir.resolveSibling(dir.getFileName() + "-old");
    VirtualLibrary.create(
        other, new LibraryConfig("old", 2, 24, 4, CartridgeType.LTO9, 20, 1, "STR", 0.0001));
    opened =
        TapeLibraries.discovered()
            .open(URI.create("vtl:" + other), TapeSettings.defaults().withLeases(leases));
    TapeProbeReport r = probe().probe(opened);
    assertThat(r.reachable()).isTrue();
    assertThat(r.tested()).isFalse();
    assertThat(r.detail()).contains("no probe cartridge", "PRB");
    assertThat(r.capacity().totalBytes()).isEqualTo(20L * 1_800_000_000L);
  }

  @Test
  void aJammedRobotFailsTheProbeAtTheMount() throws Exception {
    faults().jamRobot();
    TapeProbeReport r = probe().probe(opened);
    assertThat(r.tested()).isTrue();
    assertThat(r.verified()).isFalse();
    assertThat(r.probeBytes()).isPositive();
    assertThat(r.detail())
        .contains("moving the probe cartridge into the drive and loading it failed", "jammed")
        .contains("PRB000L9 stays in element " + slotOf(PROBE));
  }

  @Test
  void aDriveFailingMidWriteFailsTheProbeAndTheCartridgeStillGoesHome() throws Exception {
    int home = slotOf(PROBE);
    faults().failWritesAfter(2);
    TapeProbeReport r = probe().probe(opened);
    assertThat(r.verified()).isFalse();
    assertThat(r.detail())
        .contains("writing the probe blocks failed", "PRB000L9 returned to element " + home);
    faults().clear();
    assertThat(slotOf(PROBE)).isEqualTo(home);
    assertThat(probe().probe(opened).verified()).as("the next probe succeeds").isTrue();
  }

  @Test
  void aCartridgeReadingBackOtherBytesIsNotVerified() throws Exception {
    faults().corruptReads(true);
    TapeProbeReport r = probe().probe(opened);
    assertThat(r.tested()).isTrue();
    assertThat(r.verified()).isFalse();
    assertThat(r.detail()).contains("NOT VERIFIED: block 0 read back differs");
  }

  @Test
  void aMediumErrorOfTheVtlsOwnDriveIsReportedByStep() throws Exception {
    VirtualDrive drive = VtlProvider.inProcess(dir).virtualDrive(DRIVE0);
    drive.mediumErrorAt(2);
    TapeProbeReport r = probe().probe(opened);
    drive.mediumErrorAt(-1);
    assertThat(r.verified()).isFalse();
    assertThat(r.detail()).contains("writing the probe blocks failed", "medium error at object 2");
  }

  @Test
  void aProbeCartridgeLeftInADriveIsUsedThereAndPutIntoAFreeSlot() throws Exception {
    int home = slotOf(PROBE);
    opened.library().move(home, DRIVE1);
    TapeProbeReport r = probe().probe(opened);
    assertThat(r.verified()).as(r.detail()).isTrue();
    assertThat(r.drive()).contains("local-vtl/drive1");
    assertThat(opened.library().inventory())
        .filteredOn(e -> e.address() == DRIVE1)
        .singleElement()
        .satisfies(e -> assertThat(e.full()).isFalse());
  }
}
