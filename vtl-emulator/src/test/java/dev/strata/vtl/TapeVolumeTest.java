package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.format.VolumeLabel;
import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.volume.PieceInfo;
import dev.strata.tape.volume.TapeVolumeReader;
import dev.strata.tape.volume.TapeVolumeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tape volume format written and read through the SPI, on the VTL. */
class TapeVolumeTest {
  private static final int BLOCK = 64 << 10;
  @TempDir Path dir;

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  private static byte[] sha(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static VolumeLabel label(String tag, boolean worm) {
    return new VolumeLabel(
        tag, "default", UUID.randomUUID(), Instant.parse("2026-11-25T00:00:00Z"), BLOCK, worm);
  }

  /** A library of 8 MB LTO-9 cartridges (scale 4.5e-7) with one drive. */
  private VirtualTapeLibrary library() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("v", 1, 6, 1, CartridgeType.LTO9, 3, 0, "VOL", 4.5e-7));
    return VirtualTapeLibrary.open(dir);
  }

  private TapeDrive load(VirtualTapeLibrary lib, int slot) throws Exception {
    lib.move(slot, VirtualLibrary.FIRST_DRIVE);
    TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
    d.load();
    return d;
  }

  private static PieceInfo write(TapeVolumeWriter w, String name, byte[] pack, long offset)
      throws Exception {
    return w.write(
        name,
        pack.length,
        sha(pack),
        offset,
        new ByteArrayInputStream(pack, (int) offset, pack.length - (int) offset));
  }

  private static byte[] read(TapeVolumeReader r, PieceInfo p) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.read(p, out);
    return out.toByteArray();
  }

  @Test
  void aScanOfTheCartridgeAloneListsEveryPackAndReadsThemBack() throws Exception {
    TapeDrive d = load(library(), VirtualLibrary.FIRST_SLOT);
    TapeVolumeWriter w = TapeVolumeWriter.label(d, label("VOL000L9", false));
    byte[][] packs = {bytes(1_000_000, 1), bytes(BLOCK - 4, 2), bytes(1, 3)};
    for (int i = 0; i < packs.length; i++) {
      PieceInfo p = write(w, "data/p" + i, packs[i], 0);
      assertThat(p.last()).isTrue();
    }
    w.finish();
    d.unload();
    d.load();
    TapeVolumeReader r = new TapeVolumeReader(d);
    TapeVolumeReader.Scan scan = r.scan();
    assertThat(scan.label().volumeTag()).isEqualTo("VOL000L9");
    assertThat(scan.pieces())
        .extracting(PieceInfo::pack)
        .containsExactly("data/p0", "data/p1", "data/p2");
    assertThat(r.index()).isEqualTo(scan.pieces());
    for (int i = 0; i < packs.length; i++) {
      assertThat(read(r, scan.pieces().get(i))).isEqualTo(packs[i]);
    }
  }

  @Test
  void aPackThatReachesEarlyWarningContinuesOnTheNextCartridge() throws Exception {
    VirtualTapeLibrary lib = library();
    byte[] pack = bytes(12_000_000, 7); // more than one 8 MB cartridge
    TapeDrive d = load(lib, VirtualLibrary.FIRST_SLOT);
    TapeVolumeWriter w1 = TapeVolumeWriter.label(d, label("VOL000L9", false));
    PieceInfo first = write(w1, "data/big", pack, 0);
    assertThat(first.last()).isFalse();
    assertThat(w1.full()).isTrue();
    w1.finish();
    d.unload();
    lib.move(VirtualLibrary.FIRST_DRIVE, VirtualLibrary.FIRST_SLOT);

    TapeDrive d2 = load(lib, VirtualLibrary.FIRST_SLOT + 1);
    TapeVolumeWriter w2 = TapeVolumeWriter.label(d2, label("VOL001L9", false));
    PieceInfo second = write(w2, "data/big", pack, first.length());
    assertThat(second.offset()).isEqualTo(first.length());
    assertThat(second.last()).isTrue();
    w2.finish();

    // Read back across the two cartridges from their own scans.
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.write(read(new TapeVolumeReader(d2), new TapeVolumeReader(d2).scan().pieces().get(0)));
    d2.unload();
    lib.move(VirtualLibrary.FIRST_DRIVE, VirtualLibrary.FIRST_SLOT + 1);
    TapeDrive d1 = load(lib, VirtualLibrary.FIRST_SLOT);
    TapeVolumeReader r1 = new TapeVolumeReader(d1);
    PieceInfo onFirst = r1.scan().pieces().get(0);
    ByteArrayOutputStream assembled = new ByteArrayOutputStream();
    assembled.write(read(r1, onFirst));
    assembled.write(whole.toByteArray());
    assertThat(assembled.toByteArray()).isEqualTo(pack);
    assertThat(sha(assembled.toByteArray()))
        .isEqualTo(java.util.HexFormat.of().parseHex(onFirst.sha256()));
  }

  @Test
  void appendingKeepsWhatIsThereOnRewritableAndOnWormMedia() throws Exception {
    VirtualTapeLibrary lib = library();
    TapeDrive d = load(lib, VirtualLibrary.FIRST_SLOT);
    TapeVolumeWriter w = TapeVolumeWriter.label(d, label("VOL000L9", false));
    write(w, "data/a", bytes(100_000, 1), 0);
    w.finish();
    TapeVolumeWriter again = TapeVolumeWriter.append(d);
    write(again, "data/b", bytes(100_000, 2), 0);
    again.finish();
    TapeVolumeReader r = new TapeVolumeReader(d);
    assertThat(r.scan().pieces()).extracting(PieceInfo::pack).containsExactly("data/a", "data/b");
    assertThat(r.scan().files()).isEqualTo(4); // label, a, b, index: the old index was overwritten
    assertThat(r.index()).extracting(PieceInfo::pack).containsExactly("data/a", "data/b");
    d.unload();
    lib.move(VirtualLibrary.FIRST_DRIVE, VirtualLibrary.FIRST_SLOT);

    int ie = lib.insert(Barcode.of("WRM000LZ"));
    TapeDrive worm = load(lib, ie);
    TapeVolumeWriter ww = TapeVolumeWriter.label(worm, label("WRM000LZ", true));
    write(ww, "data/a", bytes(1000, 3), 0);
    ww.finish();
    TapeVolumeWriter wa = TapeVolumeWriter.append(worm);
    write(wa, "data/b", bytes(1000, 4), 0);
    wa.finish();
    TapeVolumeReader wr = new TapeVolumeReader(worm);
    TapeVolumeReader.Scan s = wr.scan();
    // label, the index written when labelling, a, its index, b, the last index: nothing overwritten
    assertThat(s.files()).isEqualTo(6);
    assertThat(wr.index()).extracting(PieceInfo::pack).containsExactly("data/a", "data/b");
    assertThatThrownBy(() -> TapeVolumeWriter.label(worm, label("WRM000LZ", true)))
        .isInstanceOf(TapeException.WormOverwrite.class);
  }

  @Test
  void aPieceCutShortByACrashIsNotListed() throws Exception {
    TapeDrive d = load(library(), VirtualLibrary.FIRST_SLOT);
    TapeVolumeWriter w = TapeVolumeWriter.label(d, label("VOL000L9", false));
    write(w, "data/whole", bytes(200_000, 1), 0);
    w.finish();
    TapeVolumeWriter again = TapeVolumeWriter.append(d);
    // The writer dies in the middle of the next piece: header and a block, no trailer, no filemark.
    byte[] cut = bytes(300_000, 2);
    java.io.InputStream dying =
        new java.io.InputStream() {
          int left = BLOCK;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              throw new IllegalStateException("killed");
            }
            int n = Math.min(len, left);
            System.arraycopy(cut, 0, b, off, n);
            left -= n;
            return n;
          }
        };
    assertThatThrownBy(() -> again.write("data/cut", cut.length, sha(cut), 0, dying))
        .hasMessage("killed");
    assertThat(new TapeVolumeReader(d).scan().pieces())
        .extracting(PieceInfo::pack)
        .containsExactly("data/whole");
  }

  @Test
  void aCorruptBlockIsCaughtNotReturned() throws Exception {
    VirtualTapeLibrary lib = library();
    TapeDrive d = load(lib, VirtualLibrary.FIRST_SLOT);
    d.writeBlock(ByteBuffer.wrap(label("VOL000L9", false).encode()));
    d.writeFilemarks(1);
    // A piece header block whose CRC does not match (as a drive without block protection returns
    // it).
    d.writeBlock(ByteBuffer.wrap(bytes(100, 1)));
    d.writeFilemarks(1);
    assertThatThrownBy(() -> new TapeVolumeReader(d).scan()).hasMessageContaining("CRC-32C");
  }

  @Test
  void aBatchCutShortIsRewrittenFromWhereItBegan() throws Exception {
    VirtualTapeLibrary lib = library();
    TapeDrive d = load(lib, VirtualLibrary.FIRST_SLOT);
    TapeVolumeWriter w = TapeVolumeWriter.label(d, label("VOL000L9", false));
    byte[] kept = bytes(300_000, 1);
    write(w, "kept", kept, 0);
    w.finish();
    int batchStart = w.nextFile();
    // A second batch: one whole piece, then a piece cut off mid-way (no trailer, no index), as
    // when the writer is killed.
    TapeVolumeWriter w2 = TapeVolumeWriter.append(d);
    assertThat(w2.nextFile()).isEqualTo(batchStart);
    write(w2, "lost-1", bytes(200_000, 2), 0);
    byte[] cut = bytes(500_000, 3);
    java.io.InputStream dying =
        new java.io.FilterInputStream(new ByteArrayInputStream(cut)) {
          int left = 3 * BLOCK;

          @Override
          public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (left <= 0) {
              throw new java.io.IOException("killed");
            }
            int n = super.read(b, off, Math.min(len, left));
            left -= n;
            return n;
          }
        };
    assertThatThrownBy(() -> w2.write("lost-2", cut.length, sha(cut), 0, dying))
        .hasMessageContaining("killed");
    d.unload();
    d.load();

    TapeVolumeWriter resumed = TapeVolumeWriter.appendAt(d, batchStart);
    byte[] again = bytes(250_000, 4);
    PieceInfo p = write(resumed, "again", again, 0);
    resumed.finish();
    assertThat(p.file()).isEqualTo(batchStart);
    TapeVolumeReader r = new TapeVolumeReader(d);
    assertThat(r.index()).extracting(PieceInfo::pack).containsExactly("kept", "again");
    assertThat(r.scan().pieces()).extracting(PieceInfo::pack).containsExactly("kept", "again");
    assertThat(read(r, r.index().get(1))).isEqualTo(again);
    assertThat(read(r, r.index().get(0))).isEqualTo(kept);
  }

  @Test
  void aWormVolumeIsNeverRewrittenFromAnEarlierFile() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("w", 1, 6, 1, CartridgeType.LTO9_WORM, 3, 0, "WRM", 4.5e-7));
    VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir);
    TapeDrive d = load(lib, VirtualLibrary.FIRST_SLOT);
    TapeVolumeWriter w = TapeVolumeWriter.label(d, label("WRM000LZ", true));
    write(w, "a", bytes(1000, 1), 0);
    w.finish();
    assertThatThrownBy(() -> TapeVolumeWriter.appendAt(d, 1))
        .isInstanceOf(TapeException.IllegalRequest.class)
        .hasMessageContaining("WORM");
  }
}
