package dev.strata.tape.st;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.format.VolumeLabel;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.volume.PieceInfo;
import dev.strata.tape.volume.TapeVolumeReader;
import dev.strata.tape.volume.TapeVolumeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The tape volume format across two cartridges: a 150 kB pack written in 4 KiB blocks fills the
 * first 100 kB cartridge to early warning and continues on the second; a scan of each cartridge
 * alone finds its piece, and the pieces read back make the pack. Everything deterministic (labels
 * included), so a recording of it replays.
 */
final class SpanningScenario {
  private SpanningScenario() {}

  static void run(TapeLibrary library) throws Exception {
    byte[] pack = new byte[150_000];
    new SplittableRandom(11).nextBytes(pack);
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(pack);
    List<Element> inventory = library.inventory();
    List<Element> slots =
        inventory.stream().filter(e -> e.type() == ElementType.STORAGE && e.full()).toList();
    int drive =
        inventory.stream()
            .filter(e -> e.type() == ElementType.DATA_TRANSFER)
            .findFirst()
            .orElseThrow()
            .address();

    TapeDrive d = load(library, slots.get(0), drive);
    TapeVolumeWriter w = TapeVolumeWriter.label(d, label(slots.get(0)));
    PieceInfo first = w.write("pack-1", pack.length, sha, 0, new ByteArrayInputStream(pack));
    assertThat(w.full()).as("the first cartridge filled").isTrue();
    assertThat(first.last()).isFalse();
    w.finish();
    unload(library, d, drive, slots.get(0));

    d = load(library, slots.get(1), drive);
    w = TapeVolumeWriter.label(d, label(slots.get(1)));
    int rest = (int) first.length();
    PieceInfo second =
        w.write(
            "pack-1",
            pack.length,
            sha,
            rest,
            new ByteArrayInputStream(pack, rest, pack.length - rest));
    assertThat(second.last()).isTrue();
    w.finish();
    unload(library, d, drive, slots.get(1));

    ByteArrayOutputStream back = new ByteArrayOutputStream();
    for (Element slot : slots.subList(0, 2)) {
      d = load(library, slot, drive);
      TapeVolumeReader r = new TapeVolumeReader(d);
      TapeVolumeReader.Scan scan = r.scan();
      assertThat(scan.label()).isEqualTo(label(slot));
      assertThat(scan.pieces()).hasSize(1);
      r.read(scan.pieces().get(0), back);
      unload(library, d, drive, slot);
    }
    assertThat(back.toByteArray()).isEqualTo(pack);
  }

  private static VolumeLabel label(Element slot) {
    String tag = slot.cartridge().orElseThrow().value();
    return new VolumeLabel(
        tag,
        "default",
        UUID.nameUUIDFromBytes(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        Instant.parse("2026-11-25T00:00:00Z"),
        4096,
        false);
  }

  private static TapeDrive load(TapeLibrary library, Element slot, int drive) throws Exception {
    library.move(slot.address(), drive);
    TapeDrive d = library.drive(drive);
    d.load();
    return d;
  }

  private static void unload(TapeLibrary library, TapeDrive d, int drive, Element slot)
      throws Exception {
    d.unload();
    library.move(drive, slot.address());
  }
}
