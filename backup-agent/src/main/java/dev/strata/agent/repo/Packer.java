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
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Collects sealed blobs into packs of the repository's pack size. A pack is spooled to a temporary
 * file, signed, and then stored whole under the SHA-256 of its bytes by an uploader thread while
 * the next pack fills; only once stored are its blobs added to the index. Not thread-safe: one
 * packer per writing thread.
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
  private final ExecutorService uploader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "strata-pack-upload");
            t.setDaemon(true);
            return t;
          });
  private Future<?> uploading;

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
      seal();
    }
  }

  /** Finishes the pack being written, if any, and waits until every pack is stored. */
  void flush() throws IOException {
    if (writer != null) {
      seal();
    }
    awaitUpload();
  }

  /**
   * Finishes the current pack and hands it to the uploader, so the next pack fills while this one
   * is stored. At most one pack is being stored at a time (and so at most two spool files exist).
   */
  private void seal() throws IOException {
    PackWriter.Finished f = writer.finish();
    out.close();
    Path file = spool;
    writer = null;
    out = null;
    spool = null;
    awaitUpload();
    uploading =
        uploader.submit(
            () -> {
              upload(file, f);
              return null;
            });
  }

  private void upload(Path file, PackWriter.Finished f) throws IOException {
    try {
      PackName name = Repository.packName(f.sha256());
      repo.store().put(name, () -> Files.newInputStream(file), f.length(), Sha256.of(f.sha256()));
      for (PackEntry e : f.entries()) {
        index.putIfAbsent(e.id(), new BlobLocation(name, e));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void awaitUpload() throws IOException {
    Future<?> u = uploading;
    uploading = null;
    if (u == null) {
      return;
    }
    try {
      u.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while storing a pack");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("storing a pack failed: " + e.getCause(), e.getCause());
    }
  }

  /** Drops an unfinished pack (after a failure): nothing of it reaches the repository. */
  @Override
  public void close() throws IOException {
    uploader.shutdown();
    if (out != null) {
      out.close();
    }
    if (spool != null) {
      Files.deleteIfExists(spool);
    }
  }
}
