package dev.strata.tape.st;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.DriveLeases;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.TapeLibraryConformance;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.fault.FaultInjectingTapeLibrary;
import dev.strata.tape.mtx.ReplayRunner;
import dev.strata.tape.mtx.Transcript;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The conformance suite against the mtx changer and st drive driver, opened by its {@code mtx:}
 * location through the registry with the fault injector in the stack, replaying what the kernel's
 * st and sg drivers and mtx answered when the same test ran against live devices ({@code
 * src/test/resources/st-conformance/}, recorded by {@link RecordHardwareConformance}; where from is
 * in {@code setup.properties}). The replay is strict in both directions: the driver must make
 * exactly the recorded calls, with the recorded bytes, in the recorded order, and all of them.
 */
class StReplayConformanceTest extends TapeLibraryConformance {
  static final Path RECORDINGS = Path.of("src/test/resources/st-conformance");

  private ReplayRunner replay;
  private HardwareSetup setup;

  @BeforeEach
  void loadRecording(TestInfo test) throws Exception {
    String name = test.getTestMethod().orElseThrow().getName();
    Path transcript = RECORDINGS.resolve(name + ".transcript");
    assertThat(transcript).as("a recording for " + name).exists();
    setup = HardwareSetup.read(RECORDINGS.resolve("setup.properties"));
    replay = new ReplayRunner(Transcript.read(transcript));
  }

  @AfterEach
  void everyRecordedCallWasMade() {
    assertThat(replay.finished()).as("the driver made every recorded call").isTrue();
  }

  /** Opened by URI through the registry, with the fault injector (idle) in the stack. */
  @Override
  protected TapeLibrary library() throws Exception {
    TapeSettings settings =
        TapeSettings.defaults()
            .withHost(HostDevices.replay(replay))
            .withLeases(new DriveLeases())
            .withFaultInjection();
    TapeLibraries.Opened opened = TapeLibraries.discovered().open(setup.location(), settings);
    assertThat(opened.library()).isInstanceOf(FaultInjectingTapeLibrary.class);
    return opened.library();
  }

  @Override
  protected OptionalInt wormSlot() {
    return setup.wormSlot();
  }
}
