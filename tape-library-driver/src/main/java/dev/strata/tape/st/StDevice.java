package dev.strata.tape.st;

import java.nio.ByteBuffer;

/**
 * A Linux st tape device ({@code /dev/nst*}, the non-rewinding node) as system calls: the one seam
 * between {@link StDrive} and the kernel, so a run against a real drive can be recorded ({@link
 * RecordingStDevice}) and replayed strictly ({@link ReplayStDevice}). The device is held open from
 * {@link #open} to {@link #close}: st allows one open at a time, and closing after a write writes a
 * filemark, so positioning and I/O share one descriptor (which is why this is not {@code mt}).
 *
 * <p>Not thread-safe. Every failure is a {@link StDeviceException} with the call's errno.
 */
public interface StDevice {

  /** The device node. */
  String path();

  /** Opens the node read-write without waiting for a cartridge ({@code O_NONBLOCK}). */
  void open() throws StDeviceException;

  boolean isOpen();

  /** One write(2): one tape block of {@code src.remaining()} bytes. Returns the bytes written. */
  int write(ByteBuffer src) throws StDeviceException;

  /** One read(2) of at most {@code dst.remaining()} bytes: one block, or 0 at a filemark. */
  int read(ByteBuffer dst) throws StDeviceException;

  /** MTIOCTOP. */
  void op(MtOp op, int count) throws StDeviceException;

  /** MTIOCGET. */
  MtStatus status() throws StDeviceException;

  /** MTIOCPOS: the drive's logical object number (READ POSITION). */
  long position() throws StDeviceException;

  /**
   * MODE SENSE(6) of one mode page, without block descriptors, sent through SG_IO on the same
   * descriptor (st passes it to the drive): the mode parameter header and the page. An error status
   * from the drive is an EIO failure.
   */
  byte[] modeSense(int page) throws StDeviceException;

  void close() throws StDeviceException;
}
