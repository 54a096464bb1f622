package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes tree entries into tree blobs and back. A tree blob holds consecutive entries of the
 * depth-first listing; a snapshot lists its tree blobs in order, so a tree of any size streams
 * through bounded memory.
 */
public final class TreeCodec {
  static final int VERSION = 1;

  private TreeCodec() {}

  static int encodedLength(TreeEntry e) {
    return 1
        + Bin.stringLength(e.path())
        + 4 * 3
        + 8
        + 4
        + 8
        + 8
        + switch (e.kind()) {
          case FILE -> 4 + e.chunks().size() * BlobId.LENGTH;
          case SYMLINK, HARDLINK -> Bin.stringLength(e.linkTarget());
          case DIRECTORY -> 0;
        };
  }

  /** The plaintext of a tree blob holding {@code entries}. */
  public static byte[] encode(List<TreeEntry> entries) {
    int n = 1 + 4;
    for (TreeEntry e : entries) {
      n += encodedLength(e);
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    b.put((byte) VERSION).putInt(entries.size());
    for (TreeEntry e : entries) {
      b.put((byte) e.kind().code);
      Bin.putString(b, e.path());
      b.putInt(e.mode()).putInt(e.uid()).putInt(e.gid());
      b.putLong(e.mtimeSeconds()).putInt(e.mtimeNanos()).putLong(e.size()).putLong(e.inode());
      switch (e.kind()) {
        case FILE -> {
          b.putInt(e.chunks().size());
          e.chunks().forEach(id -> id.writeTo(b));
        }
        case SYMLINK, HARDLINK -> Bin.putString(b, e.linkTarget());
        case DIRECTORY -> {}
      }
    }
    return b.array();
  }

  public static List<TreeEntry> decode(byte[] plain) throws FormatException {
    ByteBuffer b = ByteBuffer.wrap(plain);
    return Bin.decoding(
        "tree blob",
        () -> {
          int v = b.get();
          if (v != VERSION) {
            throw new FormatException("tree blob of format version " + v + " unknown");
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
            String path = Bin.getString(b);
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
                  throw new FormatException("tree entry '" + path + "' claims " + c + " chunks");
                }
                for (int j = 0; j < c; j++) {
                  b.get(id);
                  chunks.add(BlobId.of(id));
                }
              }
              case SYMLINK, HARDLINK -> target = Bin.getString(b);
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
