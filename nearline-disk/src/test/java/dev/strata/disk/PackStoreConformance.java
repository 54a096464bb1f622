package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PackStore}, run against every backend. A backend's test class extends this
 * and provides a fresh, empty store per test; capabilities it declares are tested, ones it does not
 * declare must fail as {@link StoreException.Unsupported}. It also provides locations (directories,
 * bucket prefixes) on which the suite checks that a store creates, changes and deletes only what it
 * wrote itself: opening a location that holds no store, or initialising one that holds anything
 * else, changes nothing there.
 */
abstract class PackStoreConformance {

  /**
   * A fresh, empty, initialised store; {@link #advanceClock} moves the time it judges retention by.
   */
  protected abstract PackStore store() throws IOException;

  /** The time the stores judge retention by. */
  protected abstract Instant now();

  /**
   * Lets {@code d} pass for the stores: a test clock is moved, a server's real clock waited for.
   */
  protected abstract void advanceClock(Duration d);

  /**
   * How long the retention test locks a pack: long where the test moves the clock, a few seconds
   * where a server's real clock decides (the test's other calls must fit in it).
   */
  protected Duration retentionPeriod() {
    return Duration.ofHours(1);
  }

  /** A location nothing was written to (a directory that does not exist, an unused prefix). */
  protected abstract URI freshLocation() throws IOException;

  /**
   * Writes {@code data} at {@code relative} under {@code location} as someone other than a store
   * would (for files: dated two days back, so that age-based clean-up would take it).
   */
  protected abstract void writeForeign(URI location, String relative, byte[] data)
      throws IOException;

  /**
   * Everything at {@code location} (and beside it, where it could be touched), each entry with its
   * content and dates: any change there changes the map.
   */
  protected abstract Map<String, String> snapshot(URI location) throws IOException;

  /** Settings for {@link PackStores} at this suite's locations. */
  protected abstract StoreSettings settings();

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  static PackInfo put(PackStore s, String name, byte[] data) throws IOException {
    return s.put(
        PackName.of(name), () -> new ByteArrayInputStream(data), data.length, Sha256.digest(data));
  }

  static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void storesAndReadsBackAPackBitForBit() throws Exception {
    PackStore s = store();
    byte[] data = bytes(3 * 1024 * 1024 + 17, 1);
    PackInfo info = put(s, "data/ab/pack-1", data);
    assertThat(info.length()).isEqualTo(data.length);
    assertThat(read(s.get(PackName.of("data/ab/pack-1")))).isEqualTo(data);
    assertThat(s.stat(PackName.of("data/ab/pack-1")))
        .get()
        .extracting(PackInfo::length)
        .isEqualTo((long) data.length);
  }

  @Test
  void storesAnEmptyPack() throws Exception {
    PackStore s = store();
    put(s, "empty", new byte[0]);
    assertThat(read(s.get(PackName.of("empty")))).isEmpty();
  }

  @Test
  void refusesContentOfAnotherLengthOrHashAndLeavesNothing() throws Exception {
    PackStore s = store();
    byte[] data = bytes(1000, 2);
    PackName n = PackName.of("p");
    assertThatThrownBy(
            () -> s.put(n, () -> new ByteArrayInputStream(data), 1001, Sha256.digest(data)))
        .isInstanceOf(StoreException.ContentMismatch.class);
    assertThatThrownBy(
            () -> s.put(n, () -> new ByteArrayInputStream(data), 999, Sha256.digest(data)))
        .isInstanceOf(StoreException.ContentMismatch.class);
    assertThatThrownBy(
            () -> s.put(n, () -> new ByteArrayInputStream(data), 1000, Sha256.digest(new byte[1])))
        .isInstanceOf(StoreException.ContentMismatch.class);
    assertThat(s.stat(n)).isEmpty();
    assertThat(s.list("", Optional.empty(), 10).packs()).isEmpty();
  }

  @Test
  void anUploadCutOffHalfwayLeavesNoVisiblePack() throws Exception {
    PackStore s = store();
    byte[] data = bytes(2 * 1024 * 1024, 3);
    InputStream failing =
        new InputStream() {
          int pos;

          @Override
          public int read() throws IOException {
            if (pos >= data.length / 2) {
              throw new IOException("connection reset");
            }
            return data[pos++] & 0xff;
          }
        };
    assertThatThrownBy(
            () -> s.put(PackName.of("cut"), () -> failing, data.length, Sha256.digest(data)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("connection reset");
    assertThat(s.stat(PackName.of("cut"))).isEmpty();
    assertThatThrownBy(() -> s.get(PackName.of("cut")))
        .isInstanceOf(StoreException.NoSuchPack.class);
  }

  @Test
  void aSecondPutReplacesTheFirstWhole() throws Exception {
    PackStore s = store();
    put(s, "p", bytes(5000, 4));
    byte[] second = bytes(7000, 5);
    put(s, "p", second);
    assertThat(read(s.get(PackName.of("p")))).isEqualTo(second);
  }

  @Test
  void readsByteRangesWhereDeclared() throws Exception {
    PackStore s = store();
    byte[] data = bytes(100_000, 6);
    put(s, "r", data);
    PackName n = PackName.of("r");
    if (!s.capabilities().contains(Capability.RANGE_READS)) {
      assertThatThrownBy(() -> s.get(n, 0, 1)).isInstanceOf(StoreException.Unsupported.class);
      return;
    }
    assertThat(read(s.get(n, 10, 20))).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 30));
    assertThat(read(s.get(n, 99_990, 100)))
        .isEqualTo(java.util.Arrays.copyOfRange(data, 99_990, 100_000));
    assertThat(read(s.get(n, 200_000, 10))).isEmpty();
    assertThatThrownBy(() -> s.get(PackName.of("none"), 0, 1))
        .isInstanceOf(StoreException.NoSuchPack.class);
  }

  @Test
  void listsByPrefixInNameOrderAndPages() throws Exception {
    PackStore s = store();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      names.add(String.format("data/%02d", i));
      put(s, names.get(i), bytes(10, i));
    }
    put(s, "index/0", bytes(10, 99));
    List<String> seen = new ArrayList<>();
    Optional<PackName> after = Optional.empty();
    do {
      PackPage page = s.list("data/", after, 10);
      assertThat(page.packs().size()).isLessThanOrEqualTo(10);
      page.packs().forEach(p -> seen.add(p.name().value()));
      after = page.next();
    } while (after.isPresent());
    assertThat(seen).containsExactlyElementsOf(names);
    assertThat(s.list("index/", Optional.empty(), 10).packs())
        .extracting(p -> p.name().value())
        .containsExactly("index/0");
  }

  @Test
  void deleteIsIdempotentAndReadAfterDeleteMisses() throws Exception {
    PackStore s = store();
    put(s, "d", bytes(10, 7));
    s.delete(PackName.of("d"));
    s.delete(PackName.of("d"));
    assertThat(s.stat(PackName.of("d"))).isEmpty();
    assertThatThrownBy(() -> s.get(PackName.of("d"))).isInstanceOf(StoreException.NoSuchPack.class);
  }

  @Test
  void retentionRefusesDeleteAndReplaceUntilItEnds() throws Exception {
    PackStore s = store();
    PackName n = PackName.of("kept");
    put(s, "kept", bytes(10, 8));
    // S3 keeps retention dates to the second
    Instant until = now().plus(retentionPeriod()).truncatedTo(ChronoUnit.SECONDS);
    if (!s.capabilities().contains(Capability.RETENTION)) {
      assertThatThrownBy(() -> s.retain(n, until)).isInstanceOf(StoreException.Unsupported.class);
      return;
    }
    s.retain(n, until);
    assertThat(s.stat(n)).get().extracting(PackInfo::retainedUntil).isEqualTo(Optional.of(until));
    assertThatThrownBy(() -> s.delete(n)).isInstanceOf(StoreException.RetentionLocked.class);
    assertThatThrownBy(() -> put(s, "kept", bytes(10, 9)))
        .isInstanceOf(StoreException.RetentionLocked.class);
    assertThatThrownBy(() -> s.retain(n, until.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(read(s.get(n))).isEqualTo(bytes(10, 8));
    assertThat(s.stat(n)).get().extracting(PackInfo::length).isEqualTo(10L);
    advanceClock(Duration.between(now(), until).plusSeconds(1));
    s.delete(n);
    assertThat(s.stat(n)).isEmpty();
    assertThatThrownBy(() -> s.retain(PackName.of("missing"), until))
        .isInstanceOf(StoreException.NoSuchPack.class);
  }

  @Test
  void reportsItsCapacityAndPassesTheProbe() throws Exception {
    PackStore s = store();
    Capacity c = s.capacity();
    assertThat(c.totalBytes()).isNotZero();
    ProbeReport r = new StoreProbe(new SplittableRandom(11), 256 * 1024).probe(s);
    assertThat(r.reachable()).isTrue();
    assertThat(r.verified()).as(r.detail()).isTrue();
    assertThat(r.write()).isPositive();
    assertThat(s.list("", Optional.empty(), 10).packs()).as("the probe cleans up").isEmpty();
  }

  @Test
  void openingALocationWhereNothingIsFindsNoStoreAndCreatesNothing() throws Exception {
    URI at = freshLocation();
    Map<String, String> before = snapshot(at);
    assertThatThrownBy(() -> PackStores.open(at, settings()))
        .isInstanceOf(StoreException.NotAStore.class)
        .hasMessageContaining("no pack store at");
    assertThat(snapshot(at)).isEqualTo(before);
  }

  @Test
  void openingOrInitialisingALocationOfForeignFilesChangesNothing() throws Exception {
    URI at = freshLocation();
    writeForeign(at, "notes.txt", bytes(100, 1));
    writeForeign(at, "tmp/put-0123456789abcdef.part", bytes(100, 2));
    writeForeign(at, "packs/00/something", bytes(100, 3));
    Map<String, String> before = snapshot(at);
    assertThatThrownBy(() -> PackStores.open(at, settings()))
        .isInstanceOf(StoreException.NotAStore.class);
    assertThatThrownBy(() -> PackStores.initialise(at, settings()))
        .isInstanceOf(StoreException.NotEmpty.class)
        .hasMessageContaining("notes.txt");
    assertThat(snapshot(at)).isEqualTo(before);
  }

  @Test
  void initialiseMarksTheLocationAndEveryOpenFindsTheSameStore() throws Exception {
    URI at = freshLocation();
    StoreMarker first;
    try (PackStores.Opened created = PackStores.initialise(at, settings())) {
      first = created.marker();
      assertThat(first.version()).isEqualTo(StoreMarker.VERSION);
      put(created.store(), "p", bytes(10, 1));
    }
    try (PackStores.Opened opened = PackStores.open(at, settings())) {
      assertThat(opened.marker()).isEqualTo(first);
      assertThat(opened.store().list("", Optional.empty(), 10).packs())
          .as("the marker is no pack")
          .extracting(p -> p.name().value())
          .containsExactly("p");
    }
    try (PackStores.Opened again = PackStores.initialise(at, settings())) {
      assertThat(again.marker()).as("initialising a store again keeps it").isEqualTo(first);
      assertThat(read(again.store().get(PackName.of("p")))).isEqualTo(bytes(10, 1));
    }
  }
}
