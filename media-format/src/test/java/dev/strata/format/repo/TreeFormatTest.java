package dev.strata.format.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.format.FormatException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tree blobs: golden vectors of both versions, names as bytes, and what a decoder accepts. Version
 * 1 (names as UTF-8) is only read; version 2 (names as bytes) is written.
 */
class TreeFormatTest {
  private static final BlobId A = BlobId.of(filled(0x11));
  private static final BlobId B = BlobId.of(filled(0x22));
  private static final String UNICODE = "home/ünï 📁.txt";

  private static byte[] filled(int b) {
    byte[] x = new byte[32];
    Arrays.fill(x, (byte) b);
    return x;
  }

  static byte[] golden(String name) throws Exception {
    try (InputStream in = TreeFormatTest.class.getResourceAsStream("/golden/" + name)) {
      return HexFormat.of()
          .parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
    }
  }

  /** A string holding exactly these bytes (Latin-1 code points stand for bytes). */
  private static String raw(String latin1) {
    return PathBytes.decode(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The entries of {@code golden/tree-v1.hex}, written by the version 1 encoder. */
  static List<TreeEntry> version1Entries() {
    return List.of(
        new TreeEntry(TreeEntry.Kind.DIRECTORY, "home", 0755, 0, 0, 1, 2, 0, 7, "", List.of()),
        new TreeEntry(TreeEntry.Kind.SYMLINK, "home/l", 0777, 1, 1, 3, 0, 0, 9, "../x", List.of()),
        new TreeEntry(
            TreeEntry.Kind.FILE,
            UNICODE,
            04644,
            1000,
            100,
            -5,
            999_999_999,
            5L << 32,
            8,
            "",
            List.of(A, B, A)),
        new TreeEntry(
            TreeEntry.Kind.HARDLINK, "home/ý", 0644, 1000, 100, 3, 0, 0, 8, UNICODE, List.of()));
  }

  /** The entries of {@code golden/tree-v2.hex}: those of version 1 and names that are not UTF-8. */
  static List<TreeEntry> version2Entries() {
    List<TreeEntry> v1 = version1Entries();
    return List.of(
        v1.get(0),
        new TreeEntry(
            TreeEntry.Kind.FILE,
            raw("home/a\u00ffb"),
            0600,
            1000,
            100,
            1_700_000_000L,
            5,
            3,
            9,
            "",
            List.of(A)),
        v1.get(1),
        new TreeEntry(
            TreeEntry.Kind.SYMLINK,
            raw("home/l\u00fe"),
            0777,
            0,
            0,
            3,
            0,
            0,
            10,
            raw("t\u00fe/../a\u00ffb"),
            List.of()),
        v1.get(2),
        v1.get(3));
  }

  @Test
  void version1TreeBlobsStillDecodeToTheSameEntries() throws Exception {
    byte[] v1 = golden("tree-v1.hex");
    assertThat(TreeCodec.version(v1)).isEqualTo(TreeCodec.VERSION_1);
    assertThat(TreeCodec.decode(v1)).isEqualTo(version1Entries());
  }

  @Test
  void version2TreeBlobsKeepNamesByteForByte() throws Exception {
    byte[] v2 = golden("tree-v2.hex");
    assertThat(TreeCodec.encode(version2Entries())).isEqualTo(v2);
    List<TreeEntry> decoded = TreeCodec.decode(v2);
    assertThat(decoded).isEqualTo(version2Entries());
    assertThat(decoded.get(1).pathBytes())
        .isEqualTo("home/a\u00ffb".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(decoded.get(3).linkTargetBytes())
        .isEqualTo("t\u00fe/../a\u00ffb".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(decoded.get(4).pathBytes()).isEqualTo(UNICODE.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void namesThatCollidedAsJavaStringsStayApart() throws Exception {
    List<TreeEntry> two =
        List.of(
            new TreeEntry(TreeEntry.Kind.FILE, raw("a\u00ffb"), 0, 0, 0, 0, 0, 0, 0, "", List.of()),
            new TreeEntry(
                TreeEntry.Kind.FILE, raw("a\u00feb"), 0, 0, 0, 0, 0, 0, 0, "", List.of()));
    List<TreeEntry> back = TreeCodec.decode(TreeCodec.encode(two));
    assertThat(back.get(0).path()).isNotEqualTo(back.get(1).path());
    assertThat(back).isEqualTo(two);
  }

  @Test
  void anEntryWithABadNameDecodesAsItIsForTheReaderToJudge() throws Exception {
    List<TreeEntry> odd =
        List.of(
            new TreeEntry(TreeEntry.Kind.FILE, "", 0, 0, 0, 0, 0, 0, 0, "", List.of()),
            new TreeEntry(TreeEntry.Kind.FILE, "a\0b", 0, 0, 0, 0, 0, 0, 0, "", List.of()),
            new TreeEntry(TreeEntry.Kind.SYMLINK, "l", 0, 0, 0, 0, 0, 0, 0, "x\0y", List.of()),
            new TreeEntry(TreeEntry.Kind.HARDLINK, "h", 0, 0, 0, 0, 0, 0, 0, "", List.of()));
    assertThat(TreeCodec.decode(TreeCodec.encode(odd))).isEqualTo(odd);
  }

  @Test
  void unknownVersionsAndLengthsPastTheEndAreRefused() throws Exception {
    byte[] v2 = golden("tree-v2.hex");
    byte[] v3 = v2.clone();
    v3[0] = 3;
    assertThatThrownBy(() -> TreeCodec.decode(v3))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("version 3");
    byte[] longName = v2.clone();
    longName[1 + 4 + 1] = 0x7f; // the first path's length, far past the end
    assertThatThrownBy(() -> TreeCodec.decode(longName))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("ends too early");
  }

  @Test
  void everyByteStringRoundTripsThroughItsString() {
    List<byte[]> cases = new ArrayList<>();
    cases.add(new byte[0]);
    for (int b = 0; b < 256; b++) {
      cases.add(new byte[] {(byte) b});
      cases.add(new byte[] {'a', (byte) b, 'z'});
    }
    int[][] tricky = {
      {0xc0, 0x80}, // overlong NUL
      {0xe0, 0x80, 0x80}, // overlong
      {0xed, 0xa0, 0x80}, // an encoded surrogate
      {0xed, 0xb2, 0x80}, // an encoded escape character
      {0xf4, 0x90, 0x80, 0x80}, // above U+10FFFF
      {0xf0, 0x9f, 0x93}, // truncated
      {0xf0, 0x9f, 0x93, 0x81}, // a valid emoji
      {0xf0, 0x90, 0x82, 0x80, 0x80}, // U+10080 (a pair ending in U+DC80) then a lone byte
      {0xc3, 0xa9, 0xff, 0xc3}
    };
    for (int[] t : tricky) {
      byte[] b = new byte[t.length];
      for (int i = 0; i < t.length; i++) {
        b[i] = (byte) t[i];
      }
      cases.add(b);
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[random.nextInt(12)];
      random.nextBytes(b);
      cases.add(b);
    }
    Set<String> seen = new HashSet<>();
    Set<String> distinct = new HashSet<>();
    for (byte[] b : cases) {
      String s = PathBytes.decode(b);
      assertThat(PathBytes.encode(s)).as(HexFormat.of().formatHex(b)).isEqualTo(b);
      seen.add(HexFormat.of().formatHex(b));
      distinct.add(s);
    }
    assertThat(distinct).hasSameSizeAs(seen);
  }

  @Test
  void validUtf8IsItsOwnStringAndOtherBytesShowAsEscapes() {
    assertThat(PathBytes.decode(UNICODE.getBytes(StandardCharsets.UTF_8))).isEqualTo(UNICODE);
    assertThat(PathBytes.hasEscapes(UNICODE)).isFalse();
    String odd = raw("caf\u00e9/x\u0080");
    assertThat(PathBytes.hasEscapes(odd)).isTrue();
    assertThat(PathBytes.display(odd)).isEqualTo("caf\\xe9/x\\x80");
    assertThat(PathBytes.display("ascii")).isEqualTo("ascii");
  }

  @Test
  void declaredLengthsBeyondTheFormatsLimitsAreRefused() {
    BlobLimits limits = new BlobLimits(4 << 20);
    PackEntry fine =
        new PackEntry(
            BlobType.DATA, A, 22, BlobCipher.sealedLength(4 << 20), 4 << 20, Compression.NONE);
    assertThat(limits.check(fine)).isEmpty();
    PackEntry huge = new PackEntry(BlobType.DATA, A, 22, 100, Integer.MAX_VALUE, Compression.ZSTD);
    assertThat(limits.check(huge)).get().asString().contains("beyond the format's limit");
    PackEntry sealedTooLong =
        new PackEntry(
            BlobType.DATA, A, 22, BlobCipher.sealedLength(4 << 20) + 1, 10, Compression.ZSTD);
    assertThat(limits.check(sealedTooLong)).isPresent();
    PackEntry tree =
        new PackEntry(BlobType.TREE, B, 22, 1000, TreeCodec.MAX_BLOB, Compression.ZSTD);
    assertThat(limits.check(tree)).isEmpty();
    PackEntry bigTree =
        new PackEntry(BlobType.TREE, B, 22, 1000, TreeCodec.MAX_BLOB + 1, Compression.ZSTD);
    assertThat(limits.check(bigTree)).isPresent();
  }
}
