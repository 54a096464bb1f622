package dev.strata.tape.volume;

import dev.strata.format.VolumeLabel;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a Strata tape volume on the cartridge loaded in a drive: the label as file 0, then one
 * pack piece per tape file, then the end-of-volume index. A piece that reaches the early-warning
 * point ends there: {@link #write} returns it shorter than asked, the volume is full, and the rest
 * of the pack continues on the next volume (spanning).
 *
 * <p>Pieces end with immediate filemarks, so a drive that streams keeps streaming from one pack to
 * the next; only the index ends with a synchronous one. So what {@link #write} wrote is on the
 * medium once {@link #finish()} returned, not before: a caller reports pieces as stored only then.
 * Not thread-safe.
 */
public final class TapeVolumeWriter {
  private final TapeDrive drive;
  private final VolumeLabel label;
  private final List<PieceInfo> pieces;
  private int nextFile;
  private boolean full;

  private TapeVolumeWriter(
      TapeDrive drive, VolumeLabel label, List<PieceInfo> pieces, int nextFile) {
    this.drive = drive;
    this.label = label;
    this.pieces = new ArrayList<>(pieces);
    this.nextFile = nextFile;
  }

  /** Labels the loaded cartridge, erasing it: label as file 0 and an empty index. */
  public static TapeVolumeWriter label(TapeDrive drive, VolumeLabel label) throws TapeException {
    drive.rewind();
    TapeVolumeWriter w = new TapeVolumeWriter(drive, label, List.of(), 1);
    w.write(ByteBuffer.wrap(label.encode()));
    w.writeFilemark();
    w.writeIndex();
    return w;
  }

  /**
   * Opens a labelled volume to append: reads what it holds and positions where the next piece goes
   * — over the old index on rewritable media, after it on WORM media.
   */
  public static TapeVolumeWriter append(TapeDrive drive) throws IOException {
    TapeVolumeReader.Scan scan = new TapeVolumeReader(drive).scan();
    boolean worm = drive.status().worm();
    int next = scan.files();
    if (!worm
        && scan.lastIndexFile().isPresent()
        && scan.lastIndexFile().getAsInt() == scan.files() - 1) {
      next = scan.lastIndexFile().getAsInt();
    }
    drive.rewind();
    drive.spaceFilemarks(next);
    return new TapeVolumeWriter(drive, scan.label(), scan.pieces(), next);
  }

  /**
   * Opens a labelled rewritable volume to write from tape file {@code file} on, as after a crash in
   * the middle of a batch that began at {@code file}: the files before it must be whole; what was
   * at {@code file} and after it (pieces of the interrupted batch, the old index) is overwritten.
   * WORM volumes cannot be rewritten and are refused.
   */
  public static TapeVolumeWriter appendAt(TapeDrive drive, int file) throws IOException {
    if (file < 1) {
      throw new IllegalArgumentException("file 0 is the label");
    }
    if (drive.status().worm()) {
      throw new TapeException.IllegalRequest(
          "a WORM volume cannot be rewritten from file " + file + "; append after its end");
    }
    TapeVolumeReader.Scan scan = new TapeVolumeReader(drive).scanBefore(file);
    if (file > scan.files()) {
      throw new TapeException.IllegalRequest(
          "the volume has " + scan.files() + " files; cannot write from file " + file);
    }
    drive.rewind();
    drive.spaceFilemarks(file);
    return new TapeVolumeWriter(
        drive, scan.label(), scan.pieces().stream().filter(p -> p.file() < file).toList(), file);
  }

  /** The tape file the next piece (or the index) goes to. */
  public int nextFile() {
    return nextFile;
  }

  /** The label of the volume being written. */
  public VolumeLabel label() {
    return label;
  }

  /** Whether the early-warning point was passed: nothing more should be written but the index. */
  public boolean full() {
    return full;
  }

  /**
   * Writes {@code data} (the pack's bytes from {@code offset}) as the next tape file, until the
   * data ends or the volume fills. Returns the piece written; if it is shorter than the rest of the
   * pack, the volume is {@link #full()} and the rest belongs on the next volume.
   */
  public PieceInfo write(String pack, long packLength, byte[] sha256, long offset, InputStream data)
      throws IOException {
    if (full) {
      throw new IllegalStateException("the volume is full");
    }
    byte[] name = pack.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header =
        ByteBuffer.allocate(4 + 2 + 2 + name.length + 8 + 32 + 8 + VolumeBlocks.CRC);
    header.put(VolumeBlocks.PIECE).putShort((short) VolumeBlocks.VERSION);
    header.putShort((short) name.length).put(name).putLong(packLength).put(sha256).putLong(offset);
    write(VolumeBlocks.seal(header));
    int payload = label.blockSize() - VolumeBlocks.CRC;
    long written = 0;
    long wanted = packLength - offset;
    byte[] buf = new byte[label.blockSize()];
    while (written < wanted && !full) {
      int n = data.readNBytes(buf, 0, (int) Math.min(payload, wanted - written));
      if (n == 0) {
        throw new IOException(
            "the pack's data ended after " + (offset + written) + " of " + packLength + " bytes");
      }
      ByteBuffer b = ByteBuffer.wrap(buf, 0, n + VolumeBlocks.CRC);
      b.position(n);
      write(VolumeBlocks.seal(b));
      written += n;
    }
    ByteBuffer end = ByteBuffer.allocate(4 + 8 + VolumeBlocks.CRC);
    end.put(VolumeBlocks.PIECE_END).putLong(written);
    write(VolumeBlocks.seal(end));
    writeFilemarkImmediate();
    PieceInfo p =
        new PieceInfo(
            nextFile++, pack, packLength, HexFormat.of().formatHex(sha256), offset, written);
    pieces.add(p);
    return p;
  }

  /** Writes the end-of-volume index listing every piece; call after the last piece. */
  public void finish() throws TapeException {
    writeIndex();
  }

  /**
   * Writes the index as file {@code nextFile}. On rewritable media the position then returns to the
   * index's start, so the next piece replaces it; on WORM media the index stays and the next piece
   * follows it.
   */
  private void writeIndex() throws TapeException {
    long start = drive.position();
    List<byte[]> names =
        pieces.stream().map(p -> p.pack().getBytes(StandardCharsets.UTF_8)).toList();
    int size = 4 + 2 + 4;
    for (byte[] n : names) {
      size += 4 + 2 + n.length + 8 + 32 + 8 + 8;
    }
    ByteBuffer all = ByteBuffer.allocate(size);
    all.put(VolumeBlocks.INDEX).putShort((short) VolumeBlocks.VERSION).putInt(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      PieceInfo p = pieces.get(i);
      all.putInt(p.file()).putShort((short) names.get(i).length).put(names.get(i));
      all.putLong(p.packLength()).put(HexFormat.of().parseHex(p.sha256()));
      all.putLong(p.offset()).putLong(p.length());
    }
    all.flip();
    int payload = label.blockSize() - VolumeBlocks.CRC;
    do {
      int n = Math.min(payload, all.remaining());
      ByteBuffer b = ByteBuffer.allocate(n + VolumeBlocks.CRC);
      b.put(all.slice(all.position(), n));
      all.position(all.position() + n);
      write(VolumeBlocks.seal(b));
    } while (all.hasRemaining());
    writeFilemark();
    if (drive.status().worm()) {
      nextFile++;
    } else {
      drive.rewind();
      drive.spaceFilemarks(nextFile);
      if (drive.position() != start) {
        throw new TapeException.HardwareError("the index is not where it was written");
      }
    }
  }

  private void write(ByteBuffer block) throws TapeException {
    try {
      drive.writeBlock(block);
    } catch (TapeException.EarlyWarning e) {
      full = true; // the block was written; finish this piece and the index, then stop
    }
  }

  private void writeFilemarkImmediate() throws TapeException {
    try {
      drive.writeFilemarksImmediate(1);
    } catch (TapeException.EarlyWarning e) {
      full = true;
    }
  }

  private void writeFilemark() throws TapeException {
    try {
      drive.writeFilemarks(1);
    } catch (TapeException.EarlyWarning e) {
      full = true;
    }
  }
}
