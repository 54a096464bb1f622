package dev.strata.vtl.scsi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.CartridgeType;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.VirtualLibrary;
import dev.strata.vtl.VirtualTapeLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VTL's SCSI units at the level of command descriptor blocks and sense data, as the kernel's st
 * and sg drivers see them (the same units pass the tape conformance suite through the real st
 * driver and mtx in StReplayConformanceTest's recordings).
 */
class ScsiUnitsTest {
  @TempDir Path dir;
  VirtualTapeLibrary library;
  ChangerUnit changer;
  TapeUnit tape;

  @BeforeEach
  void library() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("scsi", 1, 4, 1, CartridgeType.LTO9, 2, 0, "STR", 0.0001));
    library = VirtualTapeLibrary.open(dir);
    changer = new ChangerUnit(library, "scsi-changer");
    tape = new TapeUnit(library.virtualDrive(100), "scsi-drive100");
  }

  private static byte[] cdb(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return b;
  }

  private static ScsiResponse run(LogicalUnit unit, byte[] cdb) {
    return unit.execute(cdb, new byte[0]);
  }

  private static void assertSense(ScsiResponse r, int key, int asc, int ascq) {
    assertThat(r.status()).isEqualTo(ScsiResponse.CHECK_CONDITION);
    assertThat(r.sense()[2] & 0x0F).as("sense key").isEqualTo(key);
    assertThat(r.sense()[12] & 0xFF).as("ASC").isEqualTo(asc);
    assertThat(r.sense()[13] & 0xFF).as("ASCQ").isEqualTo(ascq);
  }

  private static int information(ScsiResponse r) {
    assertThat(r.sense()[0] & 0x80).as("INFORMATION valid").isNotZero();
    return Bytes.s24(r.sense(), 4) | (r.sense()[3] << 24);
  }

  private static byte[] block(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  private static byte[] read6(int length) {
    return cdb(0x08, 0, length >>> 16, length >>> 8, length, 0);
  }

  private ScsiResponse write(byte[] data) {
    int n = data.length;
    return tape.execute(cdb(0x0A, 0, n >>> 16, n >>> 8, n, 0), data);
  }

  private long position() {
    ScsiResponse r = run(tape, cdb(0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(r.status()).isEqualTo(ScsiResponse.GOOD);
    return Bytes.u32(r.data(), 4);
  }

  /** Moves the cartridge in the first slot into the drive; the drive announces it once. */
  private void insertCartridge() {
    assertThat(
            run(changer, cdb(0xA5, 0, 0, 0, 1000 >>> 8, 1000 & 0xFF, 0, 100, 0, 0, 0, 0)).status())
        .isEqualTo(ScsiResponse.GOOD);
    assertSense(run(tape, cdb(0x00, 0, 0, 0, 0, 0)), Sense.UNIT_ATTENTION, 0x28, 0x00);
    assertThat(run(tape, cdb(0x00, 0, 0, 0, 0, 0)).status()).isEqualTo(ScsiResponse.GOOD);
  }

  @Test
  void identifiesItselfAsAChangerAndATapeDrive() {
    ScsiResponse c = run(changer, cdb(0x12, 0, 0, 0, 96, 0));
    ScsiResponse t = run(tape, cdb(0x12, 0, 0, 0, 96, 0));
    assertThat(c.data()[0]).isEqualTo((byte) 0x08);
    assertThat(t.data()[0]).isEqualTo((byte) 0x01);
    assertThat(t.data()[1] & 0x80).as("removable").isNotZero();
    assertThat(new String(t.data(), 8, 8, StandardCharsets.US_ASCII)).isEqualTo("STRATA  ");
    ScsiResponse serial = run(tape, cdb(0x12, 1, 0x80, 0, 96, 0));
    assertThat(new String(serial.data(), 4, serial.data()[3], StandardCharsets.US_ASCII))
        .isEqualTo("scsi-drive100");
    assertSense(run(tape, cdb(0x12, 1, 0x83, 0, 96, 0)), Sense.ILLEGAL_REQUEST, 0x24, 0);
  }

  @Test
  void anEmptyDriveIsNotReadyAndUnknownCommandsAreRefused() {
    assertSense(run(tape, cdb(0x00, 0, 0, 0, 0, 0)), Sense.NOT_READY, 0x3A, 0x00);
    assertSense(
        run(tape, cdb(0xC1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Sense.ILLEGAL_REQUEST, 0x20, 0);
    assertSense(run(changer, cdb(0x28, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Sense.ILLEGAL_REQUEST, 0x20, 0);
  }

  @Test
  void readsReportFilemarksShortAndLongBlocksAndTheEndOfData() {
    insertCartridge();
    byte[] a = block(1000, 1);
    assertThat(write(a).status()).isEqualTo(ScsiResponse.GOOD);
    assertThat(run(tape, cdb(0x10, 0, 0, 0, 1, 0)).status()).isEqualTo(ScsiResponse.GOOD);
    assertThat(write(block(300, 2)).status()).isEqualTo(ScsiResponse.GOOD);
    assertThat(position()).isEqualTo(3);
    assertThat(run(tape, cdb(0x01, 0, 0, 0, 0, 0)).status()).isEqualTo(ScsiResponse.GOOD);
    assertThat(position()).isZero();
    // writing no filemarks only flushes: nothing after the position is lost
    assertThat(run(tape, cdb(0x10, 0, 0, 0, 0, 0)).status()).isEqualTo(ScsiResponse.GOOD);

    ScsiResponse longer = run(tape, read6(4096)); // the block is shorter than asked: ILI, residue
    assertSense(longer, Sense.NO_SENSE, 0, 0);
    assertThat(longer.sense()[2] & 0x20).as("ILI").isNotZero();
    assertThat(information(longer)).isEqualTo(3096);
    assertThat(longer.data()).isEqualTo(a);

    ScsiResponse mark = run(tape, read6(4096));
    assertSense(mark, Sense.NO_SENSE, 0x00, 0x01);
    assertThat(mark.sense()[2] & 0x80).as("FILEMARK").isNotZero();
    assertThat(position()).isEqualTo(2);

    ScsiResponse shorter = run(tape, read6(100)); // the block is longer: part of it, moved past
    assertThat(information(shorter)).isEqualTo(-200);
    assertThat(shorter.data()).isEqualTo(Arrays.copyOf(block(300, 2), 100));
    assertThat(position()).isEqualTo(3);

    ScsiResponse end = run(tape, read6(100));
    assertSense(end, Sense.BLANK_CHECK, 0x00, 0x05);
    assertThat(end.sense()[2] & 0x40).as("EOM is not end of data").isZero();
  }

  @Test
  void spacingOverBlocksCrossesTheFilemarkItMeetsAndStopsAtTheBeginning() {
    insertCartridge();
    for (int i = 0; i < 2; i++) {
      write(block(10, i));
    }
    run(tape, cdb(0x10, 0, 0, 0, 1, 0));
    write(block(10, 9));
    run(tape, cdb(0x01, 0, 0, 0, 0, 0));

    ScsiResponse forward = run(tape, cdb(0x11, 0, 0, 0, 5, 0));
    assertSense(forward, Sense.NO_SENSE, 0x00, 0x01);
    assertThat(information(forward)).isEqualTo(3);
    assertThat(position()).isEqualTo(3); // after the filemark

    ScsiResponse backward = run(tape, cdb(0x11, 0, 0xFF, 0xFF, 0xF6, 0)); // -10 blocks
    assertSense(backward, Sense.NO_SENSE, 0x00, 0x01);
    assertThat(position()).isEqualTo(2); // before the filemark, on the beginning side

    ScsiResponse start = run(tape, cdb(0x11, 0, 0xFF, 0xFF, 0xF6, 0));
    assertSense(start, Sense.NO_SENSE, 0x00, 0x04);
    assertThat(start.sense()[2] & 0x40).as("EOM at the beginning").isNotZero();
    assertThat(position()).isZero();

    assertSense(run(tape, cdb(0x11, 1, 0, 0, 4, 0)), Sense.BLANK_CHECK, 0x00, 0x05);
    assertThat(run(tape, cdb(0x2B, 0, 0, 0, 0, 0, 1, 0, 0, 0)).status())
        .isEqualTo(ScsiResponse.GOOD);
    assertThat(position()).isEqualTo(1);
    assertSense(run(tape, cdb(0x2B, 0, 0, 0, 0, 0, 99, 0, 0, 0)), Sense.BLANK_CHECK, 0x00, 0x05);
  }

  @Test
  void eraseMakesTheCartridgeBlankAndUnloadEjectsIt() {
    insertCartridge();
    write(block(10, 1));
    run(tape, cdb(0x01, 0, 0, 0, 0, 0));
    assertThat(run(tape, cdb(0x19, 1, 0, 0, 0, 0)).status()).isEqualTo(ScsiResponse.GOOD);
    assertSense(run(tape, read6(10)), Sense.BLANK_CHECK, 0x00, 0x05);

    byte[] move = cdb(0xA5, 0, 0, 0, 0, 100, 1000 >>> 8, 1000 & 0xFF, 0, 0, 0, 0);
    assertSense(run(changer, move), Sense.ILLEGAL_REQUEST, 0x53, 0x02); // still threaded
    assertThat(run(tape, cdb(0x1B, 0, 0, 0, 0, 0)).status()).isEqualTo(ScsiResponse.GOOD);
    assertSense(run(tape, cdb(0x00, 0, 0, 0, 0, 0)), Sense.NOT_READY, 0x3A, 0x00);
    assertThat(run(changer, move).status()).isEqualTo(ScsiResponse.GOOD);
  }

  @Test
  void theChangerReportsItsElementsWithVolumeTagsAndRefusesImpossibleMoves() {
    ScsiResponse assignment = run(changer, cdb(0x1A, 0x08, 0x1D, 0, 0xFF, 0));
    byte[] p = Arrays.copyOfRange(assignment.data(), 4, 24);
    assertThat(p[0]).isEqualTo((byte) 0x1D);
    assertThat(Bytes.u16(p, 2)).as("first transport").isEqualTo(0);
    assertThat(Bytes.u16(p, 6)).as("first slot").isEqualTo(1000);
    assertThat(Bytes.u16(p, 8)).as("slots").isEqualTo(4);
    assertThat(Bytes.u16(p, 10)).as("first mail slot").isEqualTo(10);
    assertThat(Bytes.u16(p, 14)).as("first drive").isEqualTo(100);

    ScsiResponse status = run(changer, cdb(0xB8, 0x12, 0x03, 0xE8, 0, 10, 0, 0, 0x10, 0, 0, 0));
    byte[] d = status.data();
    assertThat(Bytes.u16(d, 2)).as("elements").isEqualTo(4);
    assertThat(d[8]).as("storage page").isEqualTo((byte) 2);
    assertThat(d[9] & 0x80).as("PVolTag").isNotZero();
    int length = Bytes.u16(d, 10);
    assertThat(length).isEqualTo(48);
    assertThat(d[16 + 2] & 0x01).as("first slot full").isNotZero();
    assertThat(new String(d, 16 + 12, 8, StandardCharsets.US_ASCII)).isEqualTo("STR000L9");
    assertThat(d[16 + 2 * length + 2] & 0x01).as("third slot empty").isZero();

    assertSense(
        run(changer, cdb(0xA5, 0, 0, 0, 0x03, 0xEA, 0, 100, 0, 0, 0, 0)),
        Sense.ILLEGAL_REQUEST,
        0x3B,
        0x0E);
    assertSense(
        run(changer, cdb(0xA5, 0, 0, 0, 0x03, 0xE8, 0x03, 0xE9, 0, 0, 0, 0)),
        Sense.ILLEGAL_REQUEST,
        0x3B,
        0x0D);
    assertSense(
        run(changer, cdb(0xA5, 0, 0, 0, 0x03, 0xE8, 0x7F, 0, 0, 0, 0, 0)),
        Sense.ILLEGAL_REQUEST,
        0x21,
        0x01);
    library.jamRobot(true);
    assertSense(
        run(changer, cdb(0xA5, 0, 0, 0, 0x03, 0xE8, 0, 100, 0, 0, 0, 0)),
        Sense.HARDWARE_ERROR,
        0x15,
        0x01);
  }
}
