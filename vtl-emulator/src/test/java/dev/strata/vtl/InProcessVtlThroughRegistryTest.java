package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.DriveLeases;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.TapeLibraryConformance;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.fault.FaultInjectingTapeLibrary;
import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VTL in this process, opened as {@code vtl:/path} through the registry with the fault injector
 * (idle) in the stack, passes the conformance suite: the stack changes nothing it should not.
 */
class InProcessVtlThroughRegistryTest extends TapeLibraryConformance {
  @TempDir Path dir;
  private int worm = -1;

  @Override
  protected TapeLibrary library() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("registry", 2, 6, 2, CartridgeType.LTO9, 3, 1, "REG", 1e-6));
    worm = VtlProvider.inProcess(dir).insert(Barcode.of("WRM003LZ"));
    TapeLibraries.Opened opened =
        TapeLibraries.discovered()
            .open(
                URI.create("vtl:" + dir.toUri().getPath()),
                TapeSettings.defaults().withLeases(new DriveLeases()).withFaultInjection());
    assertThat(opened.library()).isInstanceOf(FaultInjectingTapeLibrary.class);
    return opened.library();
  }

  @Override
  protected OptionalInt wormSlot() {
    return OptionalInt.of(worm);
  }

  @Test
  void everyLocationOfOneDirectoryOpensTheSameLibraryUnderOneIdentity() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("shared", 1, 2, 0, CartridgeType.LTO9, 1, 0, "SHR", 1e-6));
    TapeLibraries registry = TapeLibraries.discovered();
    TapeSettings settings = TapeSettings.defaults();
    try (TapeLibraries.Opened a = registry.open(URI.create("vtl:" + dir), settings);
        TapeLibraries.Opened b = registry.open(URI.create("vtl:" + dir + "/./"), settings)) {
      assertThat(a.identity()).isEqualTo(b.identity()).startsWith("vtl:/");
      a.library().move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
      // The move made through one is seen through the other: one object behind both.
      assertThat(b.library().inventory())
          .filteredOn(e -> e.address() == VirtualLibrary.FIRST_DRIVE)
          .singleElement()
          .satisfies(e -> assertThat(e.full()).isTrue());
      assertThat(a.faults()).isEmpty();
    }
  }
}
