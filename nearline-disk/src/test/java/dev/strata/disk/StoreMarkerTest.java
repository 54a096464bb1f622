package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store marker's format (docs/formats/pack-store.md), pinned by a golden vector. */
class StoreMarkerTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/store-marker-v1.txt");

  @Test
  void readsAndWritesTheGoldenVectorExactly() throws Exception {
    byte[] golden = Files.readAllBytes(GOLDEN);
    StoreMarker m = StoreMarker.parse(golden);
    assertThat(m.version()).isEqualTo(1);
    assertThat(m.id().value()).isEqualTo(UUID.fromString("0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0"));
    assertThat(m.created()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(m.encode()).isEqualTo(golden);
  }

  @Test
  void aNewMarkerHasARandomVersion4IdAndTheTimeToTheSecond() {
    Instant now = Instant.parse("2026-03-04T05:06:07.891Z");
    StoreMarker a = StoreMarker.create(now, new SplittableRandom(1));
    StoreMarker b = StoreMarker.create(now, new SplittableRandom(2));
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.id().value().version()).isEqualTo(4);
    assertThat(a.id().value().variant()).isEqualTo(2);
    assertThat(a.created()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    assertThat(StoreMarker.parse(a.encode())).isEqualTo(a);
  }

  @Test
  void refusesAnythingButACanonicalVersion1Marker() throws Exception {
    String golden = Files.readString(GOLDEN, StandardCharsets.US_ASCII);
    String[][] cases = {
      {"", "does not begin with STRATA-PACK-STORE"},
      {"strata-pack-store\n", "does not begin"},
      {golden.replace("version=1", "version=2"), "format version 2"},
      {golden.replace("version=1", "version=01"), "format version 01"},
      {golden + "extra=1\n", "exactly the lines"},
      {golden.substring(0, golden.length() - 1), "exactly the lines"},
      {golden.replace("\n", "\r\n"), "does not begin"},
      {golden.replace("id=0f1e", "id=0F1E"), "not a store id"},
      {golden.replace("id=", "ident="), "'id=...'"},
      {golden.replace("2026-01-01T00:00:00Z", "yesterday"), "ISO-8601"},
      {golden.replace("00:00:00Z", "00:00:00.5Z"), "canonical"},
      {"x".repeat(StoreMarker.MAX_BYTES + 1), "larger than a marker"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> StoreMarker.parse(c[0].getBytes(StandardCharsets.US_ASCII)))
          .as(c[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c[1]);
    }
  }
}
