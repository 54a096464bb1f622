package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.TapeLibraryConformance;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VTL in-process passes the tape conformance suite, and emulates media faults for real. */
class VirtualTapeLibraryTest extends TapeLibraryConformance {
  private static final int SLOT = VirtualLibrary.FIRST_SLOT;
  private static final int DRIVE = VirtualLibrary.FIRST_DRIVE;
  @TempDir Path dir;
  private int worm = -1;

  @Override
  protected TapeLibrary library() throws Exception {
    // LTO-9 scaled by 1e-6: 18 MB cartridges, early warning at 98 %.
    VirtualLibrary.create(
        dir, new LibraryConfig("test", 2, 6, 2, CartridgeType.LTO9, 3, 1, "TST", 1e-6));
    VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir);
    worm = lib.insert(Barcode.of("WRM001LZ"));
    return lib;
  }

  @Override
  protected OptionalInt wormSlot() {
    return OptionalInt.of(worm);
  }

  private VirtualTapeLibrary vtl() throws Exception {
    return (VirtualTapeLibrary) library();
  }

  /** The first data cartridge, moved into the first drive and loaded. */
  private static VirtualDrive loaded(VirtualTapeLibrary lib) throws Exception {
    lib.move(SLOT, DRIVE);
    VirtualDrive d = lib.virtualDrive(DRIVE);
    d.load();
    return d;
  }

  private static ByteBuffer block(int n, long seed) {
    return ByteBuffer.wrap(bytes(n, seed));
  }

  @Test
  void movesAndCartridgesSurviveReopening() throws Exception {
    VirtualTapeLibrary lib = vtl();
    TapeDrive d = loaded(lib);
    d.writeBlock(block(3000, 1));
    d.writeFilemarks(1);
    // The process ends without unloading; a new one opens the library.
    VirtualTapeLibrary again = VirtualTapeLibrary.open(dir);
    assertThat(again.inventory())
        .filteredOn(e -> e.address() == DRIVE)
        .singleElement()
        .satisfies(e -> assertThat(e.cartridge()).contains(Barcode.of("TST000L9")));
    TapeDrive d2 = again.drive(DRIVE);
    d2.load();
    ByteBuffer buf = ByteBuffer.allocate(3000);
    assertThat(d2.readBlock(buf)).isEqualTo(ReadResult.block(3000));
    assertThat(buf.array()).isEqualTo(bytes(3000, 1));
    assertThat(d2.readBlock(buf.clear())).isEqualTo(ReadResult.FILEMARK);
  }

  @Test
  void warnsEarlyWritingOnThenStopsAtTheEndOfMedium() throws Exception {
    VirtualTapeLibrary lib = vtl();
    TapeDrive d = loaded(lib);
    int mib = 1 << 20;
    long written = 0;
    boolean warned = false;
    while (true) {
      try {
        d.writeBlock(block(mib, written));
        written++;
      } catch (TapeException.EarlyWarning e) {
        written++; // the block was written
        warned = true;
      } catch (TapeException.EndOfMedium e) {
        break;
      }
    }
    assertThat(warned).isTrue();
    assertThat(written).isEqualTo(17); // 18 MB hold 17 blocks of 1 MiB
    assertThat(d.position()).isEqualTo(17);
    d.locate(16);
    ByteBuffer buf = ByteBuffer.allocate(mib);
    assertThat(d.readBlock(buf)).isEqualTo(ReadResult.block(mib));
    assertThat(buf.array()).isEqualTo(bytes(mib, 16));
  }

  @Test
  void earlyWarningCanBeInjectedAtAChosenPoint() throws Exception {
    VirtualTapeLibrary lib = vtl();
    VirtualDrive d = loaded(lib);
    d.earlyWarningAt(2500);
    d.writeBlock(block(2000, 1));
    assertThatThrownBy(() -> d.writeBlock(block(1000, 2)))
        .isInstanceOf(TapeException.EarlyWarning.class);
    assertThat(d.position()).isEqualTo(2);
  }

  @Test
  void bitsFlippedAtRestAreAMediumErrorNeverData() throws Exception {
    VirtualTapeLibrary lib = vtl();
    TapeDrive d = loaded(lib);
    d.writeBlock(block(5000, 1));
    d.writeBlock(block(5000, 2));
    d.unload();
    try (RandomAccessFile f =
        new RandomAccessFile(dir.resolve("cartridges/TST000L9/data").toFile(), "rw")) {
      f.seek(7000);
      int b = f.read();
      f.seek(7000);
      f.write(b ^ 0x10);
    }
    d.load();
    assertThat(d.readBlock(ByteBuffer.allocate(5000))).isEqualTo(ReadResult.block(5000));
    assertThatThrownBy(() -> d.readBlock(ByteBuffer.allocate(5000)))
        .isInstanceOf(TapeException.MediumError.class)
        .hasMessageContaining("CRC-32C");
  }

  @Test
  void aTornWriteIsCutBackToTheLastAcknowledgedObject() throws Exception {
    VirtualTapeLibrary lib = vtl();
    TapeDrive d = loaded(lib);
    d.writeBlock(block(4000, 1));
    d.writeFilemarks(1);
    d.writeBlock(block(4000, 2));
    d.unload();
    // A crash in the middle of the next write: its data half there, its index record torn.
    Path cart = dir.resolve("cartridges/TST000L9");
    Files.write(cart.resolve("data"), bytes(1500, 3), StandardOpenOption.APPEND);
    Files.write(cart.resolve("index"), bytes(9, 4), StandardOpenOption.APPEND);
    d.load();
    d.spaceToEndOfData();
    assertThat(d.position()).isEqualTo(3);
    d.writeBlock(block(100, 5));
    d.rewind();
    d.spaceFilemarks(1);
    ByteBuffer buf = ByteBuffer.allocate(4000);
    d.readBlock(buf);
    assertThat(buf.array()).isEqualTo(bytes(4000, 2));
    assertThat(d.readBlock(ByteBuffer.allocate(100))).isEqualTo(ReadResult.block(100));
  }

  @Test
  void injectedFaultsAreReportedWithTheirRetryAdvice() throws Exception {
    VirtualTapeLibrary lib = vtl();
    VirtualDrive d = loaded(lib);
    d.writeBlock(block(10, 1));
    d.mediumErrorAt(1);
    assertThatThrownBy(() -> d.writeBlock(block(10, 2)))
        .isInstanceOf(TapeException.MediumError.class);
    d.mediumErrorAt(-1);
    d.requireCleaning(true);
    assertThatThrownBy(() -> d.writeBlock(block(10, 2)))
        .isInstanceOf(TapeException.CleaningRequired.class)
        .satisfies(e -> assertThat(((TapeException) e).retryable()).isTrue());
    d.unload();
    lib.move(DRIVE, SLOT);
    int cleaning =
        lib.inventory().stream()
            .filter(e -> e.cartridge().map(b -> b.value().endsWith("CU")).orElse(false))
            .findFirst()
            .orElseThrow()
            .address();
    lib.move(cleaning, DRIVE);
    assertThatThrownBy(d::load).hasMessageContaining("cleaned");
    assertThat(d.status().cleaningRequired()).isFalse();
    lib.move(DRIVE, cleaning);
    d.failDrive(true);
    assertThatThrownBy(d::status).isInstanceOf(TapeException.HardwareError.class);
    d.failDrive(false);
    lib.jamRobot(true);
    assertThatThrownBy(() -> lib.move(SLOT, DRIVE))
        .isInstanceOf(TapeException.HardwareError.class)
        .hasMessageContaining("jammed");
  }

  @Test
  void cartridgesEnterAndLeaveThroughTheMailSlots() throws Exception {
    VirtualTapeLibrary lib = vtl();
    int ie = lib.insert(Barcode.of("NEW001L9"));
    lib.move(ie, SLOT + 5);
    lib.move(SLOT, ie);
    assertThat(lib.take(ie)).isEqualTo(Barcode.of("TST000L9"));
    assertThat(VirtualTapeLibrary.open(dir).inventory())
        .filteredOn(e -> e.address() == SLOT + 5)
        .singleElement()
        .satisfies(e -> assertThat(e.cartridge()).contains(Barcode.of("NEW001L9")));
  }
}
