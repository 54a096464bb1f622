package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes tree entries into tree blobs and back. A tree blob holds consecutive entries of the
 * depth-first listing; a snapshot lists its tree blobs in order, so a tree of any size streams
 * through bounded memory.
 *
 * <p>Version 2 (written) stores paths and link targets as raw bytes, so names that are not UTF-8
 * survive exactly; version 1 (read only) stored them as strict UTF-8. The order of entries differs
 * with the version: see {@code docs/formats/repository.md}.
 */
public final class TreeCodec {
  /** The version this build writes. */
  public static final int VERSION = 2;

  /** The first version, which stored names as UTF-8 strings; still read. */
  public static final int VERSION_1 = 1;

  /**
   * The largest tree blob plaintext: readers refuse to allocate more for one, and the encoder
   * refuses to write more. (One entry must fit: a file of 8 Mi chunks is the largest.)
   */
  public static final int MAX_BLOB = 256 << 20;

  private static final int FIXED = 1 + 4 * 3 + 8 + 4 + 8 + 8;

  private TreeCodec() {}

  /** The version of a tree blob's plaintext. */
  public static int version(byte[] plain) throws FormatException {
    if (plain.length == 0) {
      throw new FormatException("tree blob ends too early");
    }
    return plain[0] & 0xff;
  }

  /** The plaintext of a tree blob holding {@code entries}, in the current version. */
  public static byte[] encode(List<TreeEntry> entries) {
    List<byte[]> names = new ArrayList<>(entries.size() * 2);
    long n = 1 + 4;
    for (TreeEntry e : entries) {
      byte[] path = e.pathBytes();
      byte[] target = e.linkTargetBytes();
      names.add(path);
      names.add(target);
      n += FIXED + 4 + path.length;
      n +=
          switch (e.kind()) {
            case FILE -> 4 + (long) e.chunks().size() * BlobId.LENGTH;
            case SYMLINK, HARDLINK -> 4 + target.length;
            case DIRECTORY -> 0;
          };
    }
    if (n > MAX_BLOB) {
      throw new IllegalArgumentException(
          "a tree blob of " + n + " bytes is more than the format's " + MAX_BLOB);
    }
    ByteBuffer b = ByteBuffer.allocate((int) n);
    b.put((byte) VERSION).putInt(entries.size());
    int i = 0;
    for (TreeEntry e : entries) {
      byte[] path = names.get(i++);
      byte[] target = names.get(i++);
      b.put((byte) e.kind().code);
      b.putInt(path.length).put(path);
      b.putInt(e.mode()).putInt(e.uid()).putInt(e.gid());
      b.putLong(e.mtimeSeconds()).putInt(e.mtimeNanos()).putLong(e.size()).putLong(e.inode());
      switch (e.kind()) {
        case FILE -> {
          b.putInt(e.chunks().size());
          e.chunks().forEach(id -> id.writeTo(b));
        }
        case SYMLINK, HARDLINK -> b.putInt(target.length).put(target);
        case DIRECTORY -> {}
      }
    }
    return b.array();
  }

  /**
   * Decodes a tree blob of version 1 or 2. Only the layout is checked: an entry with a strange
   * path, mode or target is returned as it is, for the reader's rules to judge.
   */
  public static List<TreeEntry> decode(byte[] plain) throws FormatException {
    ByteBuffer b = ByteBuffer.wrap(plain);
    return Bin.decoding(
        "tree blob",
        () -> {
          int v = b.get() & 0xff;
          if (v != VERSION && v != VERSION_1) {
            throw new FormatException(
                "tree blob of format version " + v + "; this build reads versions 1 and 2");
          }
          int n = b.getInt();
          if (n < 0 || n > plain.length) {
            throw new FormatException("tree blob claims " + n + " entries");
          }
          List<TreeEntry> out = new ArrayList<>(n);
          byte[] id = new byte[BlobId.LENGTH];
          for (int i = 0; i < n; i++) {
            int code = b.get();
            TreeEntry.Kind kind = null;
            for (TreeEntry.Kind k : TreeEntry.Kind.values()) {
              if (k.code == code) {
                kind = k;
              }
            }
            if (kind == null) {
              throw new FormatException("tree entry of unknown kind " + code);
            }
            String path = v == VERSION_1 ? Bin.getString(b) : Bin.getBytesAsPath(b);
            int mode = b.getInt();
            int uid = b.getInt();
            int gid = b.getInt();
            long sec = b.getLong();
            int nanos = b.getInt();
            long size = b.getLong();
            long inode = b.getLong();
            List<BlobId> chunks = new ArrayList<>();
            String target = "";
            switch (kind) {
              case FILE -> {
                int c = b.getInt();
                if (c < 0 || (long) c * BlobId.LENGTH > b.remaining()) {
                  throw new FormatException("tree entry claims " + c + " chunks");
                }
                for (int j = 0; j < c; j++) {
                  b.get(id);
                  chunks.add(BlobId.of(id));
                }
              }
              case SYMLINK, HARDLINK ->
                  target = v == VERSION_1 ? Bin.getString(b) : Bin.getBytesAsPath(b);
              case DIRECTORY -> {}
            }
            out.add(
                new TreeEntry(kind, path, mode, uid, gid, sec, nanos, size, inode, target, chunks));
          }
          if (b.hasRemaining()) {
            throw new FormatException("tree blob has " + b.remaining() + " bytes after its end");
          }
          return out;
        });
  }
}
