package dev.strata.agent.repo;

import dev.strata.format.repo.PathBytes;
import dev.strata.format.repo.TreeEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The rules a snapshot's tree keeps, checked one entry at a time in tree order, so that restore can
 * refuse an entry before it acts on it and {@code check} can report a tree that breaks them:
 *
 * <ul>
 *   <li>a path is relative, its segments are names: not empty, not {@code .} or {@code ..}, no NUL,
 *       at most 255 bytes;
 *   <li>entries are in strictly increasing {@link PathOrder} (of their tree blob's version, the
 *       same for the whole tree): so there are no duplicates, and a directory comes before what it
 *       holds;
 *   <li>an entry's parent is the root or a directory entry that was accepted: nothing lies under a
 *       file, a symbolic link or a hard link, and nothing under an entry that was refused;
 *   <li>only files have content; a symbolic link has a target without NUL of at most 4095 bytes; a
 *       hard link names, by a path that keeps these rules, a file entry that came before it.
 * </ul>
 *
 * <p>Memory: the ancestors of the current entry, and 8 bytes per file entry (a hash of its path,
 * for hard links; a collision can only let a hard link pass this check, which restore then still
 * checks on the file system).
 */
public final class TreeRules {
  private static final int NAME_MAX = 255;
  private static final int LINK_MAX = 4095;

  private record Accepted(String path, TreeEntry.Kind kind) {}

  private final Deque<Accepted> ancestors = new ArrayDeque<>();
  private final LongSet files = new LongSet();
  private String previous;
  private int version = -1;

  /**
   * Why {@code e}, the next entry of the tree, coming from a tree blob of {@code treeVersion},
   * breaks the rules; empty if it keeps them (and is then accepted).
   */
  public Optional<String> check(TreeEntry e, int treeVersion) {
    if (version < 0) {
      version = treeVersion;
    } else if (version != treeVersion) {
      return Optional.of(
          "its tree blob is of format version "
              + treeVersion
              + ", the tree's first of version "
              + version);
    }
    Optional<String> path = pathProblem(e.path());
    if (path.isPresent()) {
      return path;
    }
    if (previous != null) {
      int c = PathOrder.ofTreeVersion(version).compare(previous, e.path());
      if (c == 0) {
        return Optional.of("a duplicate of the entry before it");
      }
      if (c > 0) {
        return Optional.of("out of order: it comes after '" + PathBytes.display(previous) + "'");
      }
    }
    previous = e.path();
    while (!ancestors.isEmpty() && !e.path().startsWith(ancestors.peek().path() + "/")) {
      ancestors.pop();
    }
    int slash = e.path().lastIndexOf('/');
    String parent = slash < 0 ? "" : e.path().substring(0, slash);
    if (!ancestors.isEmpty() && ancestors.peek().kind() != TreeEntry.Kind.DIRECTORY) {
      return Optional.of(
          "under '" + PathBytes.display(ancestors.peek().path()) + "', which is not a directory");
    }
    if (!parent.isEmpty() && (ancestors.isEmpty() || !ancestors.peek().path().equals(parent))) {
      return Optional.of(
          "its directory '" + PathBytes.display(parent) + "' is not in the tree or was refused");
    }
    Optional<String> kind = kindProblem(e);
    if (kind.isPresent()) {
      return kind;
    }
    ancestors.push(new Accepted(e.path(), e.kind()));
    if (e.kind() == TreeEntry.Kind.FILE) {
      files.add(hash(e.path()));
    }
    return Optional.empty();
  }

  private Optional<String> kindProblem(TreeEntry e) {
    if (e.kind() != TreeEntry.Kind.FILE && !e.chunks().isEmpty()) {
      return Optional.of("a " + kindName(e.kind()) + " with content");
    }
    switch (e.kind()) {
      case FILE -> {
        if (e.size() < 0) {
          return Optional.of("a file of negative size");
        }
      }
      case SYMLINK -> {
        byte[] t = e.linkTargetBytes();
        if (t.length == 0) {
          return Optional.of("a symbolic link without a target");
        }
        if (t.length > LINK_MAX) {
          return Optional.of("a symbolic link whose target is longer than " + LINK_MAX + " bytes");
        }
        for (byte b : t) {
          if (b == 0) {
            return Optional.of("a symbolic link whose target has a NUL byte");
          }
        }
      }
      case HARDLINK -> {
        Optional<String> target = pathProblem(e.linkTarget());
        if (target.isPresent()) {
          return Optional.of(
              "a hard link to '"
                  + PathBytes.display(e.linkTarget())
                  + "', which is not a path in the tree ("
                  + target.get()
                  + ")");
        }
        if (!files.contains(hash(e.linkTarget()))) {
          return Optional.of(
              "a hard link to '"
                  + PathBytes.display(e.linkTarget())
                  + "', which is not a file entry before it");
        }
      }
      case DIRECTORY -> {}
    }
    return Optional.empty();
  }

  private static String kindName(TreeEntry.Kind k) {
    return switch (k) {
      case FILE -> "file";
      case DIRECTORY -> "directory";
      case SYMLINK -> "symbolic link";
      case HARDLINK -> "hard link";
    };
  }

  /** Why {@code path} is not a relative path of names, if it is not. */
  static Optional<String> pathProblem(String path) {
    if (path.isEmpty()) {
      return Optional.of("an empty path");
    }
    if (path.startsWith("/")) {
      return Optional.of("an absolute path");
    }
    int start = 0;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      String seg = path.substring(start, end);
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return Optional.of("a path with an empty, '.' or '..' segment");
      }
      if (seg.indexOf('\0') >= 0) {
        return Optional.of("a path with a NUL byte");
      }
      if (seg.length() > NAME_MAX / 3 && PathBytes.encode(seg).length > NAME_MAX) {
        return Optional.of("a name longer than " + NAME_MAX + " bytes");
      }
      start = end + 1;
    }
    return Optional.empty();
  }

  /** A 64-bit hash of a path (FNV-1a over its characters, then a finalising mix). */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** A set of longs, open addressing: 8 to 16 bytes an element, not 50 as a {@code HashSet}. */
  private static final class LongSet {
    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    void add(long v) {
      if (v == 0) {
        hasZero = true;
        return;
      }
      if (2 * (size + 1) > slots.length) {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long x : old) {
          if (x != 0) {
            insert(x);
          }
        }
      }
      insert(v);
    }

    private void insert(long v) {
      int mask = slots.length - 1;
      int i = (int) v & mask;
      while (slots[i] != 0) {
        if (slots[i] == v) {
          return;
        }
        i = (i + 1) & mask;
      }
      slots[i] = v;
      size++;
    }

    boolean contains(long v) {
      if (v == 0) {
        return hasZero;
      }
      int mask = slots.length - 1;
      int i = (int) v & mask;
      while (slots[i] != 0) {
        if (slots[i] == v) {
          return true;
        }
        i = (i + 1) & mask;
      }
      return false;
    }
  }
}
