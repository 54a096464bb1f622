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
import java.util.concurrent.TimeUnit;

/**
 * Collects sealed blobs into packs of the repository's pack size. A pack is spooled to a temporary
 * file, signed, and then stored whole under the SHA-256 of its bytes by an uploader thread while
 * the next pack fills; only once stored are its blobs added to the index. Not thread-safe: one
 * packer per writing thread.
 *
 * <p>{@link #close} ends it however the run went: it stops an upload still running (a failed run
 * does not wait for it) and removes every spool file, so a failure leaves no file behind.
 */
final class Packer implements AutoCloseable {
  private final Repository repo;
  private final BlobCipher cipher;

  /** How long closing waits for an interrupted upload to stop before removing its spool file. */
  private static final long UPLOAD_STOP_SECONDS = 30;

  private final SpoolFiles spoolFiles;
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

  /** A packer that spools into {@code spoolDir} as this process (for tools and tests). */
  Packer(Repository repo, Path spoolDir, Map<BlobId, BlobLocation> index) {
    this(repo, new SpoolFiles(spoolDir, ProcessIdentity.current("localhost")), index);
  }

  Packer(Repository repo, SpoolFiles spoolFiles, Map<BlobId, BlobLocation> index) {
    this.repo = repo;
    this.cipher = repo.newCipher();
    this.spoolFiles = spoolFiles;
    this.index = index;
    this.packSize = repo.config().packSize();
  }

  void add(BlobType type, BlobId id, byte[] sealed, int rawLength, Compression c)
      throws IOException {
    if (writer == null) {
      spool = spoolFiles.create();
      out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 20);
      writer = new PackWriter(out, repo.requireKeys(), cipher);
    }
    try {
      writer.add(type, id, sealed, rawLength, c);
    } catch (IOException e) {
      throw new IOException("writing spool file " + spool + " failed: " + e.getMessage(), e);
    }
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
    PackWriter.Finished f;
    PackWriter w = writer;
    OutputStream o = out;
    writer = null;
    out = null;
    try {
      try {
        f = w.finish();
      } finally {
        o.close(); // even when finishing failed; the file itself goes with close()
      }
    } catch (IOException e) {
      throw new IOException("writing spool file " + spool + " failed: " + e.getMessage(), e);
    }
    Path file = spool;
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
    PackName name = Repository.packName(f.sha256());
    try {
      repo.store().put(name, () -> Files.newInputStream(file), f.length(), Sha256.of(f.sha256()));
      for (PackEntry e : f.entries()) {
        index.putIfAbsent(e.id(), new BlobLocation(name, e));
      }
    } catch (IOException e) {
      throw new IOException("storing pack " + name + " failed: " + e.getMessage(), e);
    } finally {
      spoolFiles.delete(file);
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

  /**
   * Drops an unfinished pack and stops an upload still running (after a failure): nothing of them
   * reaches the repository, and no spool file stays behind. After {@link #flush} there is neither.
   */
  @Override
  public void close() {
    // Called from a thread that may just have been interrupted to stop it: waiting must still work.
    boolean interrupted = Thread.interrupted();
    try {
      uploader.shutdownNow();
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          // the file goes below
        }
        out = null;
      }
      try {
        // An interrupted put gives up quickly; a stuck one is left to its daemon thread, and its
        // file is removed under it (the upload then fails and stores nothing).
        uploader.awaitTermination(UPLOAD_STOP_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
      spoolFiles.deleteAll();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
