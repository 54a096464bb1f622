package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.format.VolumeLabel;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.volume.PieceInfo;
import dev.strata.tape.volume.TapeVolumeReader;
import dev.strata.tape.volume.TapeVolumeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cartridges written by version 1 of the tape volume format, in VTL cartridges of format version 1
 * (an index without header) and 2 (an index with the {@code STRATAVC} header), committed as
 * fixtures: every later build must still scan them and read their packs exactly. {@link #main}
 * wrote them; a new format version gets a fixture beside them, never a rewrite.
 */
class GoldenCartridgeTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  @TempDir Path dir;

  static byte[] pack(int i) {
    byte[] b = new byte[i == 0 ? 150_000 : 5];
    new SplittableRandom(100 + i).nextBytes(b);
    return b;
  }

  static VirtualTapeLibrary library(Path d) throws IOException {
    return VirtualTapeLibrary.open(d);
  }

  @ParameterizedTest
  @CsvSource({"cartridge-v1, 1", "cartridge-v2, 2"})
  void everyCartridgeVersionStillScansAndReadsExactly(String fixture, int version)
      throws Exception {
    Path source = GOLDEN.resolve(fixture);
    byte[] index = Files.readAllBytes(source.resolve("cartridges/GLD000L9/index"));
    boolean header =
        Arrays.equals(index, 0, VirtualCartridge.MAGIC.length, VirtualCartridge.MAGIC, 0, 8);
    assertThat(header)
        .as("the fixture is a version-" + version + " cartridge")
        .isEqualTo(version > 1);
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : all.toList()) {
        Path to = dir.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    VirtualTapeLibrary lib = library(dir);
    TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
    d.load(); // the fixture left the cartridge in the drive
    TapeVolumeReader r = new TapeVolumeReader(d);
    TapeVolumeReader.Scan scan = r.scan();
    assertThat(scan.label().volumeTag()).isEqualTo("GLD000L9");
    assertThat(scan.label().volumeId())
        .isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    assertThat(scan.pieces())
        .extracting(PieceInfo::pack)
        .containsExactly("data/golden-0", "data/golden-1");
    assertThat(r.index()).isEqualTo(scan.pieces());
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      r.read(scan.pieces().get(i), out);
      assertThat(out.toByteArray()).isEqualTo(pack(i));
    }
  }

  /** Writes the fixture (once, by hand): java ... GoldenCartridgeTest DIR */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    VirtualLibrary.create(
        out, new LibraryConfig("golden", 1, 2, 0, CartridgeType.LTO9, 1, 0, "GLD", 1e-5));
    VirtualTapeLibrary lib = library(out);
    lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
    TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
    d.load();
    TapeVolumeWriter w =
        TapeVolumeWriter.label(
            d,
            new VolumeLabel(
                "GLD000L9",
                "golden",
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                Instant.parse("2026-11-25T00:00:00Z"),
                64 << 10,
                false));
    for (int i = 0; i < 2; i++) {
      byte[] p = pack(i);
      w.write(
          "data/golden-" + i,
          p.length,
          MessageDigest.getInstance("SHA-256").digest(p),
          0,
          new ByteArrayInputStream(p));
    }
    w.finish();
    d.unload();
  }
}
