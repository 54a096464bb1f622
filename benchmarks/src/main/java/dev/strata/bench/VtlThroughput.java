package dev.strata.bench;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.VirtualLibrary;
import dev.strata.vtl.VirtualTapeLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Streams packs to a VTL drive and reads them back: {@code PACKS} packs of 64 MiB written as 256
 * KiB blocks with a filemark after each pack (the filemark flushes the cartridge to disk, as a
 * drive flushes its buffer), then read back from the start. Prints MB/s for both. Usage: java -cp
 * benchmarks/target/benchmarks.jar dev.strata.bench.VtlThroughput [PACKS] [DIR]
 */
public final class VtlThroughput {
  private VtlThroughput() {}

  public static void main(String[] args) throws IOException {
    int packs = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("strata-vtl-bench");
    int block = 256 << 10;
    int blocksPerPack = (64 << 20) / block;
    try {
      VirtualLibrary.create(
          dir, new LibraryConfig("bench", 1, 2, 0, CartridgeType.LTO9, 1, 0, "BEN", 0.01));
      VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir);
      lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
      TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
      d.load();
      byte[] data = new byte[64 << 20];
      new SplittableRandom(1).nextBytes(data);
      long bytes = (long) packs * data.length;
      long t0 = System.nanoTime();
      for (int p = 0; p < packs; p++) {
        for (int b = 0; b < blocksPerPack; b++) {
          d.writeBlock(ByteBuffer.wrap(data, b * block, block));
        }
        d.writeFilemarks(1);
      }
      long t1 = System.nanoTime();
      d.rewind();
      ByteBuffer buf = ByteBuffer.allocate(block);
      for (int p = 0; p < packs; p++) {
        for (int b = 0; b < blocksPerPack; b++) {
          d.readBlock(buf.clear());
        }
        d.readBlock(buf.clear()); // the filemark
      }
      long t2 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "VTL drive, %d packs of 64 MiB in 256 KiB blocks: write %.0f MB/s, read %.0f MB/s%n",
          packs,
          bytes / ((t1 - t0) / 1e3),
          bytes / ((t2 - t1) / 1e3));
      d.unload();
    } catch (TapeException e) {
      throw new IllegalStateException(e);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
