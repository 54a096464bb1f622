package dev.strata.tape.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.DriveLeases;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.fault.FaultInjectingTapeLibrary;
import dev.strata.tape.mtx.ReplayRunner;
import dev.strata.tape.st.HostDevices;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Choosing a driver by scheme, and what the registry says about locations it cannot open. */
class TapeLibrariesTest {
  private static final TapeSettings REPLAY_NOTHING =
      TapeSettings.defaults()
          .withHost(HostDevices.replay(new ReplayRunner(List.of())))
          .withLeases(new DriveLeases());

  @Test
  void thisModuleDrivesMtxAndLearnsOfOtherDriversOnlyThroughTheServiceLoader() {
    // vtl-emulator is not on this module's class path: its driver is not known here.
    assertThat(TapeLibraries.discovered().schemes()).containsExactly("mtx");
  }

  @Test
  void aSchemeNoDriverOpensIsRefusedNamingTheSchemesThatAre() {
    assertThatThrownBy(
            () -> TapeLibraries.discovered().open(URI.create("vtl:/srv/vtl"), REPLAY_NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no tape driver for 'vtl:/srv/vtl'")
        .hasMessageContaining("mtx:");
  }

  @Test
  void twoDriversForOneSchemeAreAConfigurationError() {
    TapeLibraryProvider a = provider("x");
    TapeLibraryProvider b =
        new TapeLibraryProvider() {
          @Override
          public Set<String> schemes() {
            return Set.of("X");
          }

          @Override
          public Backend open(URI location, TapeSettings settings) {
            throw new UnsupportedOperationException();
          }
        };
    assertThatThrownBy(() -> new TapeLibraries(List.of(a, b)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two tape drivers for 'X:'");
  }

  private static TapeLibraryProvider provider(String scheme) {
    return new TapeLibraryProvider() {
      @Override
      public Set<String> schemes() {
        return Set.of(scheme);
      }

      @Override
      public Backend open(URI location, TapeSettings settings) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void anMtxLocationNamesTheChangerAndTheDrivesInTheChangersOrder() throws Exception {
    try (TapeLibraries.Opened opened =
        TapeLibraries.discovered()
            .open(
                URI.create("mtx:/dev/sg3?drives=/dev/nst0,,/dev/nst2"),
                REPLAY_NOTHING.withFaultInjection())) {
      TapeLibrary lib = opened.library();
      assertThat(lib).isInstanceOf(FaultInjectingTapeLibrary.class);
      assertThat(opened.identity()).isEqualTo("mtx:/dev/sg3");
      assertThat(lib.drive(100).name()).isEqualTo("/dev/nst0");
      assertThat(lib.drive(102).name()).isEqualTo("/dev/nst2");
      assertThatThrownBy(() -> lib.drive(101))
          .isInstanceOf(TapeException.IllegalRequest.class)
          .hasMessageContaining("no drive device is configured for element 101");
    }
  }

  @Test
  void malformedMtxLocationsAreRefusedSayingWhatTheyShouldBe() {
    TapeLibraries r = TapeLibraries.discovered();
    assertThatThrownBy(() -> r.open(URI.create("mtx://host/dev/sg3"), REPLAY_NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mtx:/dev/sgN?drives=");
    assertThatThrownBy(() -> r.open(URI.create("mtx:/dev/sg3?drive=/dev/nst0"), REPLAY_NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown or empty option 'drive'");
    assertThatThrownBy(() -> r.open(URI.create("mtx:/dev/sg3?drives=nst0"), REPLAY_NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute device path");
  }

  @Test
  void aDeviceThatDoesNotExistOnThisHostIsNamed() {
    TapeSettings live = TapeSettings.defaults().withLeases(new DriveLeases());
    assertThatThrownBy(
            () -> TapeLibraries.discovered().open(URI.create("mtx:/dev/no-such-sg"), live))
        .isInstanceOf(IOException.class)
        .hasMessage("no changer device at /dev/no-such-sg");
  }
}
