package dev.strata.tape;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * A sequential-access tape drive, modelled on SCSI SSC: a medium is a sequence of logical objects
 * (variable-size blocks and filemarks) numbered from 0 at the beginning of tape, followed by end of
 * data. Writing at a position makes it the new end of data (what followed is gone — on WORM media
 * only appending at the end of data is allowed).
 *
 * <p><b>Threading:</b> a drive serves one caller at a time; implementations need not be
 * thread-safe. <b>Buffers:</b> {@link #writeBlock} consumes the buffer from its position to its
 * limit and keeps no reference; {@link #readBlock} fills the buffer from its position and does not
 * keep it. <b>Idempotency:</b> positioning commands (rewind, locate, space to end of data) are
 * idempotent; writes are not — after a failed write, read the position before retrying.
 * <b>Errors</b> are {@link TapeException}s that say whether a retry can help.
 */
public interface TapeDrive {

  /** The drive's name (for messages and metrics). */
  String name();

  Set<DriveCapability> capabilities();

  DriveStatus status() throws TapeException;

  /**
   * Threads the cartridge the changer placed in the drive and positions at the beginning.
   *
   * @throws TapeException.NotReady if no cartridge is in the drive
   */
  void load() throws TapeException;

  /** Rewinds and ejects the cartridge so the changer can take it; no-op if none is loaded. */
  void unload() throws TapeException;

  void rewind() throws TapeException;

  /**
   * Writes one block at the current position, which becomes the end of data.
   *
   * @throws TapeException.EarlyWarning after writing the block, when the end of medium is near
   * @throws TapeException.EndOfMedium without writing, when the block does not fit
   */
  void writeBlock(ByteBuffer block) throws TapeException;

  /**
   * Writes {@code count} filemarks (they end a tape file) synchronously: when it returns, every
   * block and filemark written so far is on the medium — and the tape has stopped.
   */
  void writeFilemarks(int count) throws TapeException;

  /**
   * Writes {@code count} filemarks without waiting for the drive's buffer to reach the medium, so a
   * streaming drive does not stop. What was written is durable only after a later synchronous
   * {@link #writeFilemarks}. A drive without {@link DriveCapability#IMMEDIATE_FILEMARKS} writes
   * them synchronously (correct, only slower).
   */
  default void writeFilemarksImmediate(int count) throws TapeException {
    writeFilemarks(count);
  }

  /**
   * Reads the object at the current position and moves past it.
   *
   * @return the block's length, or {@link ReadResult#FILEMARK}
   * @throws TapeException.EndOfData at the end of data; {@link TapeException.BlankCheck} on a blank
   *     medium; {@link TapeException.MediumError} if the block fails its checksum; {@link
   *     TapeException.IllegalRequest} if the block is larger than {@code dst}'s room (the position
   *     does not move)
   */
  ReadResult readBlock(ByteBuffer dst) throws TapeException;

  /**
   * Moves over up to {@code count} blocks (negative: backwards). Stops before a filemark (or at the
   * beginning of tape) and returns how many blocks it moved over, as a signed count.
   *
   * @throws TapeException.EndOfData if it reaches the end of data moving forwards
   */
  long spaceBlocks(long count) throws TapeException;

  /**
   * Moves over {@code count} filemarks: forwards it ends just after the last one, backwards just
   * before it (on the side of the beginning of tape).
   *
   * @throws TapeException.EndOfData if fewer filemarks follow; {@link TapeException.IllegalRequest}
   *     if fewer precede (the position is then the beginning of tape)
   */
  void spaceFilemarks(long count) throws TapeException;

  /** Moves to the end of data, ready to append. */
  void spaceToEndOfData() throws TapeException;

  /** Moves to logical object {@code position}. Needs {@link DriveCapability#LOCATE}. */
  void locate(long position) throws TapeException;

  /** The current logical object number. */
  long position() throws TapeException;
}
