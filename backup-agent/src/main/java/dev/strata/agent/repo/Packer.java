package dev.strata.agent.repo;

import dev.strata.disk.PackName;
import dev.strata.disk.Sha256;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.PackEntry;
import dev.strata.format.repo.PackWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Collects sealed blobs into packs of the repository's pack size. A pack is spooled to a temporary
 * file, signed, and then stored whole under the SHA-256 of its bytes; only then are its blobs added
 * to the index. Not thread-safe: one packer per writing thread.
 */
final class Packer implements AutoCloseable {
  private final Repository repo;
  private final BlobCipher cipher;
  private final Path spoolDir;
  private final Map<BlobId, BlobLocation> index;
  private final long packSize;
  private Path spool;
  private OutputStream out;
  private PackWriter writer;
  private long packs;
  private long packBytes;

  Packer(Repository repo, Path spoolDir, Map<BlobId, BlobLocation> index) {
    this.repo = repo;
    this.cipher = repo.newCipher();
    this.spoolDir = spoolDir;
    this.index = index;
    this.packSize = repo.config().packSize();
  }

  void add(BlobType type, BlobId id, byte[] sealed, int rawLength, Compression c)
      throws IOException {
    if (writer == null) {
      spool = Files.createTempFile(spoolDir, "strata-pack-", ".tmp");
      out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 20);
      writer = new PackWriter(out, repo.requireKeys(), cipher);
    }
    writer.add(type, id, sealed, rawLength, c);
    if (writer.length() >= packSize) {
      flush();
    }
  }

  /** Finishes and stores the pack being written, if any. */
  void flush() throws IOException {
    if (writer == null) {
      return;
    }
    PackWriter.Finished f = writer.finish();
    out.close();
    PackName name = Repository.packName(f.sha256());
    Path file = spool;
    repo.store().put(name, () -> Files.newInputStream(file), f.length(), Sha256.of(f.sha256()));
    for (PackEntry e : f.entries()) {
      index.putIfAbsent(e.id(), new BlobLocation(name, e));
    }
    Files.deleteIfExists(spool);
    packs++;
    packBytes += f.length();
    writer = null;
    out = null;
    spool = null;
  }

  long packs() {
    return packs;
  }

  long packBytes() {
    return packBytes;
  }

  /** Drops an unfinished pack (after a failure): nothing of it reaches the repository. */
  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
    if (spool != null) {
      Files.deleteIfExists(spool);
    }
  }
}
