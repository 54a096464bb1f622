package dev.strata.format.repo;

import java.util.List;
import java.util.Objects;

/**
 * One item of a snapshot's tree, in depth-first order of {@code path}.
 *
 * @param path the item's path relative to the snapshot's root, segments separated by {@code /}.
 *     Decoders accept any non-empty path; restoring checks that it stays inside the target.
 * @param mode POSIX mode bits (permissions, setuid, setgid, sticky; not the file type)
 * @param mtimeSeconds modification time, seconds since the epoch
 * @param size content length of a file; 0 otherwise
 * @param inode the inode the item had when backed up (0 if unknown), to spot unchanged files
 * @param linkTarget a symlink's target, or for a hard link the path of the entry it links to
 * @param chunks a file's content as data blob ids, in order
 */
public record TreeEntry(
    Kind kind,
    String path,
    int mode,
    int uid,
    int gid,
    long mtimeSeconds,
    int mtimeNanos,
    long size,
    long inode,
    String linkTarget,
    List<BlobId> chunks) {

  /** The kinds of item. Codes are persisted. */
  public enum Kind {
    FILE(1),
    DIRECTORY(2),
    SYMLINK(3),
    /** A further name of a file entry that came earlier in the tree. */
    HARDLINK(4);

    final int code;

    Kind(int code) {
      this.code = code;
    }
  }

  public TreeEntry {
    Objects.requireNonNull(kind, "kind");
    if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a tree entry needs a path without NUL");
    }
    linkTarget = linkTarget == null ? "" : linkTarget;
    chunks = List.copyOf(chunks);
    if (kind != Kind.FILE && !chunks.isEmpty()) {
      throw new IllegalArgumentException("only files have content");
    }
    if ((kind == Kind.SYMLINK || kind == Kind.HARDLINK) && linkTarget.isEmpty()) {
      throw new IllegalArgumentException("a link needs a target");
    }
  }
}
