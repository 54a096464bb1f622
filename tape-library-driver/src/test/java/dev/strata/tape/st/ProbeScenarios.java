package dev.strata.tape.st;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.fault.FaultInjectingTapeLibrary;
import dev.strata.tape.probe.ProbeCartridges;
import dev.strata.tape.probe.TapeProbe;
import dev.strata.tape.probe.TapeProbeReport;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Probe sessions on the recording library (two drives, data cartridges STR000L9-STR002L9, a WORM
 * cartridge and the probe cartridge PRB000L9 in storage slots), recorded through the real st and sg
 * drivers and mtx by {@link RecordProbeScenarios} and replayed strictly by {@link
 * StProbeReplayTest}. Each opens the library through the registry, with the fault injector in the
 * stack: an injected fault stops a command before it reaches the devices, so the recording holds
 * what the driver really did around it. Each ends with every cartridge back where it started.
 */
enum ProbeScenarios {
  /** Drive 0 holds another cartridge (someone else's); the probe takes drive 1, and verifies. */
  PROBES_ON_THE_FREE_DRIVE,
  /** Both drives hold other cartridges: no data-path test, and the report says why. */
  NO_FREE_DRIVE,
  /** An earlier probe was cut off with the probe cartridge in drive 0: it is used and returned. */
  PROBE_CARTRIDGE_LEFT_IN_A_DRIVE,
  /** The robot jams: the probe cannot mount and says so. */
  JAMMED_ROBOT,
  /** The drive fails after the first block: not verified, and the cartridge goes home. */
  DRIVE_FAILS_MID_WRITE,
  /** The cartridge reads back other bytes than were written: not verified. */
  CARTRIDGE_READS_BACK_OTHER_BYTES;

  static final int PROBE_BYTES = 40_000;
  static final int BLOCK = 16_384;
  static final Barcode PROBE = Barcode.of("PRB000L9");

  String transcript() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".transcript";
  }

  /** The probe as every scenario runs it: a fixed seed, so the recorded writes match. */
  static TapeProbe probe() {
    return new TapeProbe(
        new SplittableRandom(42), Clock.systemUTC(), PROBE_BYTES, BLOCK, ProbeCartridges.DEFAULT);
  }

  private static int slotOf(List<Element> inventory, String barcode) {
    return inventory.stream()
        .filter(e -> e.cartridge().filter(b -> b.value().equals(barcode)).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError(barcode + " is not in the library"))
        .address();
  }

  private static int drive(List<Element> inventory, int n) {
    return inventory.stream()
        .filter(e -> e.type() == ElementType.DATA_TRANSFER)
        .skip(n)
        .findFirst()
        .orElseThrow()
        .address();
  }

  /**
   * The other user takes its cartridge back: a real drive threads a cartridge as soon as the
   * changer puts it in, so it is unloaded before the changer may take it (as the SPI says).
   */
  private static void giveBack(TapeLibrary lib, int drive, int slot) throws TapeException {
    lib.drive(drive).unload();
    lib.move(drive, slot);
  }

  /** Runs the scenario on {@code opened} and checks the report it gives. */
  TapeProbeReport run(TapeLibraries.Opened opened) throws TapeException {
    TapeLibrary lib = opened.library();
    FaultInjectingTapeLibrary faults = opened.faults().orElseThrow();
    List<Element> inv = lib.inventory();
    int str0 = slotOf(inv, "STR000L9");
    int str1 = slotOf(inv, "STR001L9");
    int probeHome = slotOf(inv, PROBE.value());
    int d0 = drive(inv, 0);
    int d1 = drive(inv, 1);
    TapeProbeReport r;
    switch (this) {
      case PROBES_ON_THE_FREE_DRIVE -> {
        lib.move(str0, d0);
        r = probe().probe(opened);
        giveBack(lib, d0, str0);
        assertThat(r.verified()).as(r.detail()).isTrue();
        assertThat(r.drive()).contains(lib.drive(d1).name());
        assertThat(r.probeBytes()).isEqualTo(PROBE_BYTES);
        assertThat(r.detail()).contains("PRB000L9", "verified");
      }
      case NO_FREE_DRIVE -> {
        lib.move(str0, d0);
        lib.move(str1, d1);
        r = probe().probe(opened);
        giveBack(lib, d0, str0);
        giveBack(lib, d1, str1);
        assertThat(r.reachable()).isTrue();
        assertThat(r.tested()).isFalse();
        assertThat(r.detail()).contains("no free drive", "holds a cartridge");
      }
      case PROBE_CARTRIDGE_LEFT_IN_A_DRIVE -> {
        lib.move(probeHome, d0);
        r = probe().probe(opened);
        assertThat(r.verified()).as(r.detail()).isTrue();
        assertThat(r.drive()).contains(lib.drive(d0).name());
      }
      case JAMMED_ROBOT -> {
        faults.jamRobot();
        r = probe().probe(opened);
        faults.clear();
        assertThat(r.tested()).isTrue();
        assertThat(r.verified()).isFalse();
        assertThat(r.detail()).contains("moving the probe cartridge into the drive", "jammed");
      }
      case DRIVE_FAILS_MID_WRITE -> {
        faults.failWritesAfter(1);
        r = probe().probe(opened);
        faults.clear();
        assertThat(r.verified()).isFalse();
        assertThat(r.detail())
            .contains("writing the probe blocks failed", "returned to element " + probeHome);
      }
      case CARTRIDGE_READS_BACK_OTHER_BYTES -> {
        faults.corruptReads(true);
        r = probe().probe(opened);
        faults.clear();
        assertThat(r.verified()).isFalse();
        assertThat(r.detail()).contains("block 0 read back differs from what was written");
      }
      default -> throw new AssertionError(this);
    }
    assertThat(slotOf(lib.inventory(), PROBE.value()))
        .as("the probe cartridge is home")
        .isEqualTo(probeHome);
    return r;
  }
}
