package dev.strata.disk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.io.function.IOSupplier;

/**
 * Storage for packs on a disk-like target (a local file system, an S3-compatible bucket).
 *
 * <p>Guarantees every implementation gives, and the conformance suite checks:
 *
 * <ul>
 *   <li><b>Atomic visibility</b>: a pack is visible to {@link #get}, {@link #stat} and {@link
 *       #list} only once {@link #put} returned; a put that fails or is cut off leaves no pack and
 *       no partial pack under the name.
 *   <li><b>Verified writes</b>: {@code put} counts and hashes what it stores and refuses content
 *       whose length or SHA-256 differs from what the caller announced ({@link
 *       StoreException.ContentMismatch}).
 *   <li><b>Read-after-write</b>: once {@code put} returned, every later call sees the pack; once
 *       {@code delete} returned, none does.
 *   <li><b>Durability</b>: when {@code put} returns the pack survives a crash of the process and,
 *       for local stores, of the machine.
 *   <li><b>Idempotence</b>: {@code delete} of a missing pack succeeds; {@code put} of the same name
 *       twice stores the second content (if the backend has {@link Capability#ATOMIC_REPLACE},
 *       readers never see a mix).
 *   <li><b>Ownership</b>: a store lives where it was initialised, marked by a {@link StoreMarker},
 *       and creates, changes and deletes nothing there but its marker, its packs (with their
 *       retention locks) and its own uploads in progress. Opening a location that holds no store
 *       fails with {@link StoreException.NotAStore} and changes nothing; initialising one that
 *       holds anything else fails with {@link StoreException.NotEmpty} and changes nothing ({@link
 *       PackStores#open}, {@link PackStores#initialise}). Clean-up of uploads left by a crashed
 *       writer removes only names the store itself writes.
 * </ul>
 *
 * <p>Implementations are safe for concurrent use by several threads. Streams returned by {@code
 * get} belong to the caller, who must close them.
 */
public interface PackStore {

  Set<Capability> capabilities();

  /**
   * Stores the {@code length} bytes of {@code content} under {@code name}. {@code content} opens
   * the bytes anew each time it is called (a spool file, a buffer), so that a retry or a multipart
   * upload can read them again; the store closes every stream it opens.
   */
  PackInfo put(PackName name, IOSupplier<InputStream> content, long length, Sha256 sha256)
      throws IOException;

  /** The whole pack. */
  InputStream get(PackName name) throws IOException;

  /**
   * {@code length} bytes from {@code offset}; fewer if the pack ends before. Needs {@link
   * Capability#RANGE_READS}.
   */
  InputStream get(PackName name, long offset, long length) throws IOException;

  Optional<PackInfo> stat(PackName name) throws IOException;

  /**
   * Up to {@code limit} packs whose names start with {@code prefix} and sort after {@code after}
   * (exclusive; empty for the first page), in name order.
   */
  PackPage list(String prefix, Optional<PackName> after, int limit) throws IOException;

  /** Removes a pack; refused with {@link StoreException.RetentionLocked} while a lock holds. */
  void delete(PackName name) throws IOException;

  /**
   * Forbids deleting or replacing the pack until {@code until}. A lock can be extended, never
   * shortened. Needs {@link Capability#RETENTION}.
   */
  void retain(PackName name, Instant until) throws IOException;

  Capacity capacity() throws IOException;
}
