package dev.strata.agent.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static final int MIN = 256 << 10;
  private static final int AVG = 1 << 20;
  private static final int MAX = 4 << 20;
  private static final byte[] SECRET = "chunker test secret".getBytes(StandardCharsets.UTF_8);

  static byte[] seeded(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  static List<Integer> lengths(Chunker c, byte[] data) throws IOException {
    c.reset(new ByteArrayInputStream(data));
    List<Integer> out = new ArrayList<>();
    Chunker.Chunk k;
    while ((k = c.next()) != null) {
      out.add(k.length());
    }
    return out;
  }

  @Test
  void cutsSeededDataAtPinnedBoundaries() throws IOException {
    // Pinned: a change here changes every repository's chunking, and so its deduplication.
    List<Integer> lengths = lengths(new Chunker(SECRET, MIN, AVG, MAX), seeded(16 << 20, 42));
    assertThat(lengths.subList(0, 6))
        .containsExactly(PINNED[0], PINNED[1], PINNED[2], PINNED[3], PINNED[4], PINNED[5]);
    assertThat(lengths.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16 << 20);
  }

  private static final int[] PINNED = {1491418, 1517111, 1368136, 1272314, 1776898, 1184180};

  @Test
  void keepsChunksWithinBoundsAndNearTheAverage() throws IOException {
    List<Integer> lengths = lengths(new Chunker(SECRET, MIN, AVG, MAX), seeded(64 << 20, 7));
    for (int i = 0; i < lengths.size() - 1; i++) {
      assertThat(lengths.get(i)).isBetween(MIN, MAX);
    }
    double mean = (64 << 20) / (double) lengths.size();
    assertThat(mean).isBetween(AVG * 0.75, AVG * 1.5);
  }

  @Test
  void anInsertionChangesOnlyTheChunksAroundIt() throws IOException {
    Chunker c = new Chunker(SECRET, MIN, AVG, MAX);
    byte[] a = seeded(32 << 20, 9);
    byte[] b = new byte[a.length + 100];
    int at = 11 << 20;
    System.arraycopy(a, 0, b, 0, at);
    System.arraycopy(seeded(100, 10), 0, b, at, 100);
    System.arraycopy(a, at, b, at + 100, a.length - at);
    Set<String> before = new HashSet<>(chunks(c, a));
    List<String> after = chunks(c, b);
    long fresh = after.stream().filter(h -> !before.contains(h)).count();
    assertThat(fresh).isBetween(1L, 2L);
  }

  @Test
  void anotherSecretCutsElsewhere() throws IOException {
    byte[] data = seeded(16 << 20, 11);
    assertThat(lengths(new Chunker("other".getBytes(StandardCharsets.UTF_8), MIN, AVG, MAX), data))
        .isNotEqualTo(lengths(new Chunker(SECRET, MIN, AVG, MAX), data));
  }

  @Test
  void cutsUniformDataAtTheMaximumAndHandlesShortInput() throws IOException {
    Chunker c = new Chunker(SECRET, MIN, AVG, MAX);
    assertThat(lengths(c, new byte[9 << 20])).containsExactly(MAX, MAX, 1 << 20);
    assertThat(lengths(c, new byte[0])).isEmpty();
    assertThat(lengths(c, new byte[] {1, 2, 3})).containsExactly(3);
  }

  private static List<String> chunks(Chunker c, byte[] data) throws IOException {
    c.reset(new ByteArrayInputStream(data));
    List<String> out = new ArrayList<>();
    Chunker.Chunk k;
    while ((k = c.next()) != null) {
      out.add(java.util.Arrays.hashCode(k.copy()) + ":" + k.length());
    }
    return out;
  }
}
