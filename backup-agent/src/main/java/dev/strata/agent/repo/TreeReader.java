package dev.strata.agent.repo;

import dev.strata.format.FormatException;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.TreeCodec;
import dev.strata.format.repo.TreeEntry;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Streams the entries of a snapshot's tree, loading one tree blob at a time. Not thread-safe. */
public final class TreeReader {
  private final Repository repo;
  private final Map<BlobId, BlobLocation> index;
  private final Iterator<BlobId> trees;
  private final BlobCipher cipher;
  private Iterator<TreeEntry> current = List.<TreeEntry>of().iterator();
  private TreeEntry peeked;
  private int version = TreeCodec.VERSION;

  public TreeReader(Repository repo, Map<BlobId, BlobLocation> index, List<BlobId> trees) {
    this.repo = repo;
    this.index = index;
    this.trees = trees.iterator();
    this.cipher = repo.newCipher();
  }

  /** The next entry, or empty at the end. */
  public Optional<TreeEntry> next() throws IOException, FormatException {
    if (peeked != null) {
      TreeEntry e = peeked;
      peeked = null;
      return Optional.of(e);
    }
    while (!current.hasNext()) {
      if (!trees.hasNext()) {
        return Optional.empty();
      }
      BlobId id = trees.next();
      BlobLocation at = index.get(id);
      if (at == null) {
        throw new FormatException(
            "tree blob " + id.shortForm() + " is missing from the repository");
      }
      byte[] plain = repo.readBlob(at, cipher);
      current = TreeCodec.decode(plain).iterator();
      version = TreeCodec.version(plain);
    }
    return Optional.of(current.next());
  }

  /** The format version of the tree blob that the last entry came from. */
  public int version() {
    return version;
  }

  /**
   * The entry for {@code path}, skipping entries before it; entries must be asked for in {@link
   * PathOrder}.
   */
  public Optional<TreeEntry> find(String path) throws IOException, FormatException {
    while (true) {
      Optional<TreeEntry> e = next();
      if (e.isEmpty()) {
        return e;
      }
      int c = PathOrder.INSTANCE.compare(e.get().path(), path);
      if (c == 0) {
        return e;
      }
      if (c > 0) {
        peeked = e.get();
        return Optional.empty();
      }
    }
  }
}
