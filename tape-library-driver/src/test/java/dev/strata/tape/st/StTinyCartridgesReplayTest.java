package dev.strata.tape.st;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.mtx.ReplayRunner;
import dev.strata.tape.mtx.Transcript;
import org.junit.jupiter.api.Test;

/**
 * Scenarios on a library of 100 kB cartridges through the st driver, replayed from recordings.
 * Early warning and the end of the medium, against a cartridge of 100 kB (early warning 2 kB before
 * its end): st's EOT bit, its one refused write (ENOSPC) and the physical end of the medium become
 * the SPI's EarlyWarning and EndOfMedium, and every block written — the ones reported with early
 * warning too — reads back.
 */
class StTinyCartridgesReplayTest {
  @Test
  void earlyWarningThenEndOfMediumAndEveryWrittenBlockReadsBack() throws Exception {
    HardwareSetup setup =
        HardwareSetup.read(StReplayConformanceTest.RECORDINGS.resolve("early-warning.properties"));
    ReplayRunner replay =
        new ReplayRunner(
            Transcript.read(
                StReplayConformanceTest.RECORDINGS.resolve("early-warning.transcript")));
    EarlyWarningScenario.Outcome o =
        EarlyWarningScenario.run(setup.library(replay, n -> new ReplayStDevice(n, replay)));
    assertThat(replay.finished()).isTrue();
    assertThat(o.firstWarning()).isEqualTo(10); // 100,000 bytes passes the point at 98,000
    assertThat(o.written()).isEqualTo(10); // the eleventh does not fit
  }

  /** The tape volume format through st: a pack spans two 100 kB cartridges and reads back. */
  @Test
  void aPackSpansTwoCartridgesAndReadsBack() throws Exception {
    HardwareSetup setup =
        HardwareSetup.read(StReplayConformanceTest.RECORDINGS.resolve("spanning.properties"));
    ReplayRunner replay =
        new ReplayRunner(
            Transcript.read(StReplayConformanceTest.RECORDINGS.resolve("spanning.transcript")));
    SpanningScenario.run(setup.library(replay, n -> new ReplayStDevice(n, replay)));
    assertThat(replay.finished()).isTrue();
  }
}
