package dev.strata.format.repo;

import java.util.List;
import java.util.Objects;

/**
 * One item of a snapshot's tree, in depth-first order of {@code path}.
 *
 * <p>Names are bytes: {@code path} and {@code linkTarget} hold them as {@link PathBytes} strings
 * (valid UTF-8 as itself, any other byte escaped), so that every name round-trips exactly. The
 * record checks only what its own shape needs: a tree blob written by someone else may hold any
 * value, and decoding it must not lose the entries beside a bad one. Whether an entry may be
 * restored — a safe relative path, no NUL, a link target, content only for files, its place in the
 * tree — is judged by whoever reads the tree (the agent's tree rules).
 *
 * @param path the item's path relative to the snapshot's root, segments separated by {@code /}
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
    Objects.requireNonNull(path, "path");
    linkTarget = linkTarget == null ? "" : linkTarget;
    chunks = List.copyOf(chunks);
  }

  /** The path's bytes, as the file system names it. */
  public byte[] pathBytes() {
    return PathBytes.encode(path);
  }

  /** The link target's bytes. */
  public byte[] linkTargetBytes() {
    return PathBytes.encode(linkTarget);
  }
}
