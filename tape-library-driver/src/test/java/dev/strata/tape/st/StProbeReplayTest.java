package dev.strata.tape.st;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.DriveLeases;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.mtx.ReplayRunner;
import dev.strata.tape.mtx.Transcript;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tape probe through the real driver — the library opened by URI through the registry, mtx for
 * the changer, st for the drives — replaying strictly what the kernel's st and sg drivers and mtx
 * answered when {@link RecordProbeScenarios} ran the same scenarios live ({@code
 * src/test/resources/st-probe/}; where from is in {@code setup.properties}): the probe on a free
 * drive, with no free drive, with its cartridge left in a drive, and with a jammed robot, a drive
 * failing mid-write and a cartridge reading back other bytes, injected through the fault wrapper.
 */
class StProbeReplayTest {
  static final Path RECORDINGS = Path.of("src/test/resources/st-probe");

  @ParameterizedTest
  @EnumSource(ProbeScenarios.class)
  void theProbeReportsWhatTheRealDriverDid(ProbeScenarios scenario) throws Exception {
    HardwareSetup setup = HardwareSetup.read(RECORDINGS.resolve("setup.properties"));
    ReplayRunner replay =
        new ReplayRunner(Transcript.read(RECORDINGS.resolve(scenario.transcript())));
    TapeSettings settings =
        TapeSettings.defaults()
            .withHost(HostDevices.replay(replay))
            .withLeases(new DriveLeases())
            .withFaultInjection();
    try (TapeLibraries.Opened lib = TapeLibraries.discovered().open(setup.location(), settings)) {
      scenario.run(lib);
    }
    assertThat(replay.finished()).as("the driver made every recorded call").isTrue();
  }
}
