package dev.strata.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file writes: a file written through here is either absent or complete after a power
 * loss. The recipe is the one every careful storage system uses: write a temporary file in the same
 * directory, fsync it, rename it over the final name, fsync the directory.
 */
public final class DurableFiles {
  private DurableFiles() {}

  /**
   * Writes {@code data} to {@code target} atomically and durably. The buffer's remaining bytes are
   * consumed. The parent directory must exist.
   */
  public static void write(Path target, ByteBuffer data) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        while (data.hasRemaining()) {
          ch.write(data);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("filesystem of " + dir + " cannot rename atomically", e);
      }
      fsyncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Like {@link #write}, but only if {@code target} does not exist yet: of several processes racing
   * to create the same file, exactly one succeeds and the others get {@link
   * java.nio.file.FileAlreadyExistsException}. Uses a hard link (atomic create-if-absent); on a
   * file system without hard links it falls back to a rename after an existence check.
   */
  public static void writeNew(Path target, ByteBuffer data) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        while (data.hasRemaining()) {
          ch.write(data);
        }
        ch.force(true);
      }
      try {
        Files.createLink(target, tmp);
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
          throw exists;
        }
        Files.move(tmp, target); // without REPLACE_EXISTING: refuses an existing target
      }
      fsyncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Makes a directory's entries (creations, renames, deletions) durable. */
  public static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some filesystems refuse to open directories for reading; nothing more can be done there.
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }
}
