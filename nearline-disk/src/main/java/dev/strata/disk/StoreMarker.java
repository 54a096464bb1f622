package dev.strata.disk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The mark a pack store leaves where it lives, written when the store is initialised: a small text
 * file ({@code strata-store} in a directory) or object ({@code ~strata-store} under a bucket
 * prefix) holding a magic, a format version, the store's id and when it was created. A location
 * without a readable marker is not a store, and no store operation creates, changes or deletes
 * anything there. Specified in {@code docs/formats/pack-store.md}.
 *
 * @param version the marker's format version
 * @param id the store's identity
 * @param created when the store was initialised, to the second
 */
public record StoreMarker(int version, StoreId id, Instant created) {
  /** The first line of every marker. */
  public static final String MAGIC = "STRATA-PACK-STORE";

  /** The version this build writes and the only one it reads. */
  public static final int VERSION = 1;

  /** Markers are tiny; anything larger is not one (and is not read whole). */
  public static final int MAX_BYTES = 1024;

  public StoreMarker {
    if (version != VERSION) {
      throw new IllegalArgumentException("marker version " + version + " is not " + VERSION);
    }
    if (id == null || created == null) {
      throw new IllegalArgumentException("a marker has an id and a creation time");
    }
    created = created.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A marker for a new store, with a random id. */
  public static StoreMarker create(Instant now, RandomGenerator random) {
    // A version-4 (random) UUID, from the caller's random source.
    long msb = (random.nextLong() & ~0xf000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new StoreMarker(VERSION, new StoreId(new UUID(msb, lsb)), now);
  }

  /** The marker's bytes: four lines of US-ASCII, each ended by a line feed. */
  public byte[] encode() {
    return (MAGIC + "\nversion=" + version + "\nid=" + id + "\ncreated=" + created + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads a marker, refusing anything that is not exactly the canonical encoding of a version-1
   * marker.
   *
   * @throws IllegalArgumentException saying what is wrong: not a marker at all, a version this
   *     build cannot read, or a damaged field
   */
  public static StoreMarker parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("it is larger than a marker (" + bytes.length + " bytes)");
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.startsWith(MAGIC + "\n")) {
      throw new IllegalArgumentException("it does not begin with " + MAGIC);
    }
    String[] lines = text.substring(MAGIC.length() + 1).split("\n", -1);
    String version = field(lines, 0, "version");
    if (!version.equals(Integer.toString(VERSION))) {
      throw new IllegalArgumentException(
          "it has format version "
              + version
              + ", and this build reads version "
              + VERSION
              + " only (written by a newer Strata?)");
    }
    if (lines.length != 4 || !lines[3].isEmpty()) {
      throw new IllegalArgumentException(
          "it does not have exactly the lines of a version-1 marker");
    }
    StoreId id = StoreId.parse(field(lines, 1, "id"));
    Instant created;
    try {
      created = Instant.parse(field(lines, 2, "created"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("its creation time is not an ISO-8601 instant");
    }
    StoreMarker m = new StoreMarker(VERSION, id, created);
    if (!java.util.Arrays.equals(m.encode(), bytes)) {
      throw new IllegalArgumentException("it is not in canonical form");
    }
    return m;
  }

  private static String field(String[] lines, int index, String key) {
    if (index >= lines.length || !lines[index].startsWith(key + "=")) {
      throw new IllegalArgumentException("line " + (index + 2) + " is not '" + key + "=...'");
    }
    return lines[index].substring(key.length() + 1);
  }
}
