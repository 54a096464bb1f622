package dev.strata.agent.repo;

import dev.strata.format.repo.PathBytes;
import dev.strata.format.repo.TreeCodec;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of entries in a tree: segment by segment, a directory before its contents. It is the
 * order of a depth-first walk that visits children sorted by name, so a new walk and its parent
 * snapshot can be compared in one pass, and a reader can check a tree's order (and so find
 * duplicates) one entry at a time.
 *
 * <p>Tree version 2 compares names as unsigned bytes ({@link #INSTANCE}); version 1 compared UTF-16
 * code units ({@link #UTF16}). The two differ only for names with characters above U+FFFF or with
 * bytes that are not UTF-8; either way {@code /} ends a segment and sorts first.
 */
public final class PathOrder implements Comparator<String> {
  /** The order of tree version 2 and of the walker: names as unsigned bytes. */
  public static final PathOrder INSTANCE = new PathOrder(true);

  /** The order of tree version 1: names as UTF-16 code units. */
  public static final PathOrder UTF16 = new PathOrder(false);

  private final boolean bytes;

  private PathOrder(boolean bytes) {
    this.bytes = bytes;
  }

  /** The order the entries of a tree blob of this version are in. */
  public static PathOrder ofTreeVersion(int version) {
    return version == TreeCodec.VERSION_1 ? UTF16 : INSTANCE;
  }

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int n = Math.min(a.length(), b.length());
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() || i == b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    char ca = a.charAt(i);
    char cb = b.charAt(i);
    // A separator ends a segment: it sorts before any character that continues one.
    if (ca == '/') {
      return -1;
    }
    if (cb == '/') {
      return 1;
    }
    if (!bytes || (!Character.isSurrogate(ca) && !Character.isSurrogate(cb))) {
      // Below U+D800 and from U+E000 to U+FFFF, UTF-8 keeps the order of the characters.
      return Character.compare(ca, cb);
    }
    return compareBytes(PathBytes.encode(a), PathBytes.encode(b));
  }

  private static int compareBytes(byte[] a, byte[] b) {
    int i = Arrays.mismatch(a, b);
    if (i < 0) {
      return 0;
    }
    if (i == a.length || i == b.length) {
      return Integer.compare(a.length, b.length);
    }
    if (a[i] == '/') {
      return -1;
    }
    if (b[i] == '/') {
      return 1;
    }
    return Integer.compare(a[i] & 0xff, b[i] & 0xff);
  }
}
