package dev.strata.agent.repo;

import java.util.Comparator;

/**
 * The order of entries in a tree: segment by segment, a directory before its contents. It is the
 * order of a depth-first walk that visits children sorted by name, so a new walk and its parent
 * snapshot can be compared in one pass.
 */
public final class PathOrder implements Comparator<String> {
  public static final PathOrder INSTANCE = new PathOrder();

  private PathOrder() {}

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
    return Character.compare(ca, cb);
  }
}
