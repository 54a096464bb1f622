package dev.strata.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TapeLibrary} and {@link TapeDrive} keeps, run against each
 * implementation (the VTL in-process and over the network, the mtx/st driver in replay). Packaged
 * in this module's test jar. An implementation provides a fresh library per test with at least one
 * drive, two data cartridges in storage slots and one empty storage slot; a library whose drives
 * declare {@link DriveCapability#WORM} must name a slot holding a WORM cartridge — a required
 * capability is never skipped.
 */
public abstract class TapeLibraryConformance {

  /** A fresh library, as described above. */
  protected abstract TapeLibrary library() throws Exception;

  /** The storage slot of a WORM data cartridge, if the library has one. */
  protected abstract OptionalInt wormSlot();

  protected static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  protected static Element first(List<Element> elements, ElementType type, boolean full) {
    return elements.stream()
        .filter(e -> e.type() == type && e.full() == full)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + (full ? "full " : "empty ") + type));
  }

  /** Moves the first data cartridge into the first drive and loads it. */
  protected TapeDrive loadedDrive(TapeLibrary lib) throws Exception {
    List<Element> inv = lib.inventory();
    Element slot = dataCartridge(inv);
    Element drive = first(inv, ElementType.DATA_TRANSFER, false);
    lib.move(slot.address(), drive.address());
    TapeDrive d = lib.drive(drive.address());
    d.load();
    return d;
  }

  private static Element dataCartridge(List<Element> inv) {
    return inv.stream()
        .filter(e -> e.type() == ElementType.STORAGE && e.full())
        .filter(
            e ->
                e.cartridge()
                    .flatMap(Barcode::cartridgeType)
                    .map(t -> t.holdsData() && !t.isWorm())
                    .orElse(true))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no data cartridge in a storage slot"));
  }

  @Test
  void reportsItsElementsInAddressOrder() throws Exception {
    List<Element> inv = library().inventory();
    assertThat(inv).extracting(Element::address).isSorted().doesNotHaveDuplicates();
    assertThat(inv).anySatisfy(e -> assertThat(e.type()).isEqualTo(ElementType.DATA_TRANSFER));
    assertThat(inv.stream().filter(e -> e.type() == ElementType.STORAGE && e.full()).count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void writesBlocksAndFilemarksAndReadsThemBack() throws Exception {
    TapeDrive d = loadedDrive(library());
    byte[] a = bytes(1000, 1);
    byte[] b = bytes(70_000, 2);
    byte[] c = bytes(1, 3);
    d.writeBlock(ByteBuffer.wrap(a));
    d.writeBlock(ByteBuffer.wrap(b));
    d.writeFilemarks(1);
    d.writeBlock(ByteBuffer.wrap(c));
    d.writeFilemarks(1);
    assertThat(d.position()).isEqualTo(5);
    d.rewind();
    ByteBuffer buf = ByteBuffer.allocate(100_000);
    assertThat(d.readBlock(buf)).isEqualTo(ReadResult.block(1000));
    assertThat(d.readBlock(buf)).isEqualTo(ReadResult.block(70_000));
    assertThat(buf.flip().remaining()).isEqualTo(71_000);
    byte[] got = new byte[71_000];
    buf.get(got);
    assertThat(java.util.Arrays.copyOfRange(got, 0, 1000)).isEqualTo(a);
    assertThat(java.util.Arrays.copyOfRange(got, 1000, 71_000)).isEqualTo(b);
    assertThat(d.readBlock(buf.clear())).isEqualTo(ReadResult.FILEMARK);
    assertThat(d.readBlock(buf.clear())).isEqualTo(ReadResult.block(1));
    assertThat(d.readBlock(buf.clear())).isEqualTo(ReadResult.FILEMARK);
    assertThatThrownBy(() -> d.readBlock(buf.clear()))
        .isInstanceOf(TapeException.EndOfData.class)
        .satisfies(e -> assertThat(((TapeException) e).retryable()).isFalse());
  }

  @Test
  void writingInTheMiddleMakesANewEndOfData() throws Exception {
    TapeDrive d = loadedDrive(library());
    for (int i = 0; i < 4; i++) {
      d.writeBlock(ByteBuffer.wrap(bytes(100, i)));
    }
    d.rewind();
    d.spaceBlocks(2);
    d.writeBlock(ByteBuffer.wrap(bytes(50, 9)));
    d.spaceToEndOfData();
    assertThat(d.position()).isEqualTo(3);
    d.rewind();
    d.spaceBlocks(2);
    assertThat(d.readBlock(ByteBuffer.allocate(100))).isEqualTo(ReadResult.block(50));
  }

  @Test
  void spacesOverBlocksAndFilemarksBothWays() throws Exception {
    TapeDrive d = loadedDrive(library());
    // file 0: two blocks; file 1: three blocks; file 2: one block
    for (int[] file : new int[][] {{1, 2}, {3, 4, 5}, {6}}) {
      for (int s : file) {
        d.writeBlock(ByteBuffer.wrap(bytes(10, s)));
      }
      d.writeFilemarks(1);
    }
    d.rewind();
    d.spaceFilemarks(1);
    assertThat(d.position()).isEqualTo(3);
    assertThat(d.spaceBlocks(10)).isEqualTo(3); // stops before the filemark
    assertThat(d.position()).isEqualTo(6);
    assertThat(d.spaceBlocks(-2)).isEqualTo(-2);
    assertThat(d.position()).isEqualTo(4);
    d.spaceFilemarks(-1);
    assertThat(d.position()).isEqualTo(2); // before the first filemark
    d.spaceFilemarks(2);
    assertThat(d.position()).isEqualTo(7);
    assertThatThrownBy(() -> d.spaceFilemarks(5)).isInstanceOf(TapeException.EndOfData.class);
    if (d.capabilities().contains(DriveCapability.LOCATE)) {
      d.locate(4);
      ByteBuffer buf = ByteBuffer.allocate(10);
      d.readBlock(buf);
      assertThat(buf.array()).isEqualTo(bytes(10, 4));
      assertThatThrownBy(() -> d.locate(99)).isInstanceOf(TapeException.class);
    }
  }

  @Test
  void aBufferTooSmallIsRefusedWithoutMoving() throws Exception {
    TapeDrive d = loadedDrive(library());
    d.writeBlock(ByteBuffer.wrap(bytes(500, 1)));
    d.rewind();
    assertThatThrownBy(() -> d.readBlock(ByteBuffer.allocate(100)))
        .isInstanceOf(TapeException.IllegalRequest.class);
    assertThat(d.position()).isZero();
    assertThat(d.readBlock(ByteBuffer.allocate(500))).isEqualTo(ReadResult.block(500));
  }

  @Test
  void aBlankCartridgeReportsBlankCheck() throws Exception {
    TapeDrive d = loadedDrive(library());
    assertThatThrownBy(() -> d.readBlock(ByteBuffer.allocate(10)))
        .isInstanceOf(TapeException.BlankCheck.class);
  }

  @Test
  void anEmptyDriveIsNotReady() throws Exception {
    TapeLibrary lib = library();
    Element drive = first(lib.inventory(), ElementType.DATA_TRANSFER, false);
    TapeDrive d = lib.drive(drive.address());
    assertThatThrownBy(d::load)
        .isInstanceOf(TapeException.NotReady.class)
        .satisfies(e -> assertThat(((TapeException) e).retryable()).isTrue());
    assertThatThrownBy(() -> d.writeBlock(ByteBuffer.wrap(new byte[1])))
        .isInstanceOf(TapeException.NotReady.class);
    assertThat(d.status().loaded()).isFalse();
  }

  @Test
  void refusesImpossibleMoves() throws Exception {
    TapeLibrary lib = library();
    List<Element> inv = lib.inventory();
    Element full = dataCartridge(inv);
    Element empty = first(inv, ElementType.STORAGE, false);
    Element drive = first(inv, ElementType.DATA_TRANSFER, false);
    assertThatThrownBy(() -> lib.move(empty.address(), drive.address()))
        .isInstanceOf(TapeException.IllegalRequest.class)
        .hasMessageContaining("empty");
    Element other =
        inv.stream()
            .filter(
                e -> e.type() == ElementType.STORAGE && e.full() && e.address() != full.address())
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> lib.move(full.address(), other.address()))
        .isInstanceOf(TapeException.IllegalRequest.class)
        .hasMessageContaining("full");
    assertThatThrownBy(() -> lib.move(full.address(), 65_000))
        .isInstanceOf(TapeException.IllegalRequest.class);
    lib.move(full.address(), drive.address());
    lib.drive(drive.address()).load();
    assertThatThrownBy(() -> lib.move(drive.address(), empty.address()))
        .isInstanceOf(TapeException.IllegalRequest.class)
        .hasMessageContaining("unload");
    lib.drive(drive.address()).unload();
    lib.move(drive.address(), empty.address());
    assertThat(lib.inventory())
        .filteredOn(e -> e.address() == empty.address())
        .singleElement()
        .satisfies(e -> assertThat(e.cartridge()).isEqualTo(full.cartridge()));
  }

  @Test
  void whatWasWrittenStaysOnTheCartridgeThroughUnloadAndMoves() throws Exception {
    TapeLibrary lib = library();
    List<Element> inv = lib.inventory();
    Element slot = dataCartridge(inv);
    Element drive = first(inv, ElementType.DATA_TRANSFER, false);
    lib.move(slot.address(), drive.address());
    TapeDrive d = lib.drive(drive.address());
    d.load();
    d.writeBlock(ByteBuffer.wrap(bytes(4096, 5)));
    d.writeFilemarks(1);
    d.unload();
    lib.move(drive.address(), slot.address());
    lib.move(slot.address(), drive.address());
    d.load();
    ByteBuffer buf = ByteBuffer.allocate(4096);
    assertThat(d.readBlock(buf)).isEqualTo(ReadResult.block(4096));
    assertThat(buf.array()).isEqualTo(bytes(4096, 5));
  }

  @Test
  void wormCartridgesAppendButNeverOverwrite() throws Exception {
    TapeLibrary lib = library();
    Element drive = first(lib.inventory(), ElementType.DATA_TRANSFER, false);
    TapeDrive d = lib.drive(drive.address());
    if (!d.capabilities().contains(DriveCapability.WORM)) {
      return; // nothing declared, nothing to check
    }
    int slot =
        wormSlot()
            .orElseThrow(
                () -> new AssertionError("the drives declare WORM: name a WORM cartridge's slot"));
    lib.move(slot, drive.address());
    d.load();
    assertThat(d.status().worm()).isTrue();
    d.writeBlock(ByteBuffer.wrap(bytes(10, 1)));
    d.writeBlock(ByteBuffer.wrap(bytes(10, 2)));
    d.rewind();
    assertThatThrownBy(() -> d.writeBlock(ByteBuffer.wrap(bytes(10, 3))))
        .isInstanceOf(TapeException.WormOverwrite.class);
    d.spaceToEndOfData();
    d.writeBlock(ByteBuffer.wrap(bytes(10, 4)));
    assertThat(d.position()).isEqualTo(3);
  }
}
