package dev.strata.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VolumeLabelTest {
  /** The label of docs/formats/tape-volume-label.md's example; its bytes must never change. */
  static final VolumeLabel GOLDEN =
      new VolumeLabel(
          "STR000L9",
          "default",
          UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
          Instant.parse("2026-01-01T00:00:00.123456789Z"),
          262144,
          false);

  private static byte[] golden() throws Exception {
    try (InputStream in =
        VolumeLabelTest.class.getResourceAsStream("/golden/volume-label-v1.hex")) {
      return HexFormat.of().parseHex(new String(in.readAllBytes()).strip());
    }
  }

  @Test
  void encodesTheGoldenVectorBitForBit() throws Exception {
    assertThat(GOLDEN.encode()).isEqualTo(golden());
  }

  @Test
  void decodesTheGoldenVector() throws Exception {
    assertThat(VolumeLabel.decode(ByteBuffer.wrap(golden()))).isEqualTo(GOLDEN);
  }

  @Test
  void roundTripsUnicodePoolsAndWorm() throws Exception {
    VolumeLabel l =
        new VolumeLabel("W00001LZ", "Archiv-Zürich", UUID.randomUUID(), Instant.EPOCH, 512, true);
    assertThat(VolumeLabel.decode(ByteBuffer.wrap(l.encode()))).isEqualTo(l);
    assertThat(l.encode().length).isLessThanOrEqualTo(VolumeLabel.MAX_LENGTH);
  }

  @Test
  void everySingleFlippedBitIsDetected() throws Exception {
    byte[] good = golden();
    for (int i = 0; i < good.length * 8; i++) {
      byte[] bad = good.clone();
      bad[i / 8] ^= (byte) (1 << (i % 8));
      assertThatThrownBy(() -> VolumeLabel.decode(ByteBuffer.wrap(bad)))
          .as("bit %d", i)
          .isInstanceOf(FormatException.class);
    }
  }

  @Test
  void truncatedForeignAndPaddedBlocksAreRefusedWithAReason() throws Exception {
    byte[] good = golden();
    assertThatThrownBy(() -> VolumeLabel.decode(ByteBuffer.wrap(Arrays.copyOf(good, 20))))
        .hasMessageContaining("truncated");
    assertThatThrownBy(
            () -> VolumeLabel.decode(ByteBuffer.wrap(Arrays.copyOf(good, good.length + 1))))
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> VolumeLabel.decode(ByteBuffer.wrap("VOL1STR000".getBytes())))
        .hasMessageContaining("not a Strata volume label");
    byte[] v2 = good.clone();
    v2[9] = 2;
    assertThatThrownBy(() -> VolumeLabel.decode(ByteBuffer.wrap(v2)))
        .hasMessageContaining("version 2 is not supported");
  }

  @Test
  void refusesLabelsItCouldNotWriteBack() {
    UUID id = UUID.randomUUID();
    assertThatThrownBy(() -> new VolumeLabel("has space", "p", id, Instant.EPOCH, 512, false))
        .hasMessageContaining("volumeTag");
    assertThatThrownBy(() -> new VolumeLabel("T", "", id, Instant.EPOCH, 512, false))
        .hasMessageContaining("pool");
    assertThatThrownBy(() -> new VolumeLabel("T", "p", id, Instant.EPOCH, 100, false))
        .hasMessageContaining("blockSize");
  }
}
