package dev.strata.tape.st;

import dev.strata.tape.DriveCapability;
import dev.strata.tape.DriveStatus;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.linux.Libc;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A real tape drive through the Linux st driver, in variable-block mode: one write(2) is one tape
 * block, read(2) returns one block or 0 at a filemark, positioning is MTIOCTOP and the position is
 * READ POSITION (MTIOCPOS), all on one descriptor held while a cartridge is loaded (from {@link
 * #load} to {@link #unload}; a question about an empty drive opens and closes it again).
 *
 * <p>st reports conditions as an errno; where one errno has several causes (EIO above all) the
 * driver asks MTIOCGET which status bits are set and names the condition from them. Where st's
 * semantics differ from the SPI's, the driver bridges them, and says so at the method: spacing over
 * blocks crosses a filemark in st but stops before it here; a read into a buffer too small skips
 * the block in st but not here; st flags the write that reaches early warning only in its status
 * (the driver reads it after every write) and refuses the next write once (ENOSPC, the driver
 * writes again); st ends a tape file with a filemark of its own when a drive that last wrote blocks
 * is rewound, located, unloaded, spaced back over filemarks or closed, where the SPI writes only
 * the filemarks asked for — so before any such move the driver writes zero filemarks (WRITE
 * FILEMARKS 0 flushes the drive's buffer to the medium and ends st's writing state).
 *
 * <p>Capabilities: {@link DriveCapability#LOCATE}, and {@link DriveCapability#WORM} when the drive
 * reports the Medium Configuration mode page, whose WORMM bit says whether the loaded cartridge is
 * WORM (st cannot tell; the driver asks the drive with MODE SENSE through SG_IO, which needs
 * CAP_SYS_RAWIO). A write the drive refuses on a WORM cartridge is then {@link
 * TapeException.WormOverwrite}.
 */
public final class StDrive implements TapeDrive {
  private static final int MEDIUM_CONFIGURATION_PAGE = 0x1D;

  private final String name;
  private final StDevice device;
  private Set<DriveCapability> capabilities;
  private boolean wroteBlocks;

  public StDrive(String name, StDevice device) {
    this.name = name;
    this.device = device;
  }

  @Override
  public String name() {
    return name;
  }

  /** Asks the drive once (MODE SENSE of the Medium Configuration page) whether it knows WORM. */
  @Override
  public Set<DriveCapability> capabilities() {
    if (capabilities == null) {
      Set<DriveCapability> c = EnumSet.of(DriveCapability.LOCATE);
      boolean opened = !device.isOpen();
      try {
        if (opened) {
          device.open();
        }
        byte[] page = device.modeSense(MEDIUM_CONFIGURATION_PAGE);
        if (page.length > 6 && (page[4] & 0x3F) == MEDIUM_CONFIGURATION_PAGE) {
          c.add(DriveCapability.WORM);
        }
        if (opened) {
          device.close();
        }
      } catch (StDeviceException e) {
        // no such page: the drive does not do WORM
        closeQuietly(opened);
      }
      capabilities = c;
    }
    return capabilities;
  }

  /** Whether the loaded cartridge is WORM (the WORMM bit of the Medium Configuration page). */
  private boolean wormLoaded() {
    if (!capabilities().contains(DriveCapability.WORM)) {
      return false;
    }
    try {
      byte[] page = device.modeSense(MEDIUM_CONFIGURATION_PAGE);
      return page.length > 6 && (page[6] & 0x01) != 0;
    } catch (StDeviceException e) {
      return false;
    }
  }

  /** Why a write failed: a WORM cartridge refusing to overwrite, or any other condition. */
  private TapeException writeCondition(String what, StDeviceException e) throws TapeException {
    MtStatus s = mtStatus();
    if (s.online()
        && !s.writeProtected()
        && (e.errno() == Libc.EIO || e.errno() == Libc.EACCES)
        && wormLoaded()) {
      return new TapeException.WormOverwrite(name + "'s cartridge", safePosition());
    }
    return condition(what, e);
  }

  private TapeException hardware(String what, StDeviceException e) {
    return new TapeException.HardwareError(name + ": " + what + " failed: " + e.getMessage());
  }

  /**
   * The st status. The device is held open only while a cartridge is loaded (from {@link #load} to
   * {@link #unload}); otherwise it is opened for the question and closed again, so another process
   * — or another driver object — can use the drive.
   */
  private MtStatus mtStatus() throws TapeException {
    boolean opened = !device.isOpen();
    try {
      if (opened) {
        device.open();
      }
      MtStatus s = device.status();
      if (opened) {
        device.close();
      }
      return s;
    } catch (StDeviceException e) {
      closeQuietly(opened);
      throw hardware("reading the drive status", e);
    }
  }

  private void closeQuietly(boolean opened) {
    if (opened) {
      try {
        device.close();
      } catch (StDeviceException ignored) {
        // the first failure is the one reported
      }
    }
  }

  /** Requires a loaded cartridge, and holds the device open while it is. */
  private MtStatus ready() throws TapeException {
    MtStatus s = mtStatus();
    if (!s.online()) {
      throw new TapeException.NotReady("no cartridge is loaded in drive " + name);
    }
    if (!device.isOpen()) {
      try {
        device.open();
      } catch (StDeviceException e) {
        throw hardware("opening", e);
      }
    }
    return s;
  }

  private TapeException condition(String what, StDeviceException e) throws TapeException {
    return condition(what, e, false);
  }

  /**
   * Names the condition behind a failed call from the errno and, for EIO, the status bits. {@code
   * reading}: the call read or spaced forward, so an EIO may mean it met the end of data.
   */
  private TapeException condition(String what, StDeviceException e, boolean reading)
      throws TapeException {
    MtStatus s = mtStatus();
    if (!s.online() || e.errno() == Libc.ENOMEDIUM) {
      return new TapeException.NotReady("no cartridge is loaded in drive " + name);
    }
    if (e.errno() == Libc.EACCES || e.errno() == Libc.EROFS) {
      return new TapeException.WriteProtected(name + "'s cartridge");
    }
    if (s.cleaningRequested()) {
      return new TapeException.CleaningRequired(name);
    }
    long at = safePosition();
    if (s.endOfData() || (reading && e.errno() == Libc.EIO && atEndOfData(at))) {
      return at == 0 ? new TapeException.BlankCheck() : new TapeException.EndOfData(at);
    }
    if (e.errno() == Libc.EIO) {
      return new TapeException.MediumError(at, what + " on " + name + ": " + e.getMessage());
    }
    return hardware(what, e);
  }

  /**
   * Whether the drive stands at the end of data. st reports a read at the end of data as EIO and
   * sets its EOD status bit only after a filemark, so the driver asks the drive: it spaces to the
   * end of data and compares positions, returning to where it was if they differ.
   */
  private boolean atEndOfData(long at) {
    if (at < 0) {
      return false;
    }
    try {
      device.op(MtOp.MTEOM, 1);
      if (device.position() == at) {
        return true;
      }
      device.op(MtOp.MTSEEK, Math.toIntExact(at));
    } catch (StDeviceException e) {
      // the drive cannot tell: the caller reports the original error
    }
    return false;
  }

  /** Ends st's writing state without a filemark (see the class comment) before the head moves. */
  private void settle() throws TapeException {
    if (!wroteBlocks) {
      return;
    }
    try {
      device.op(MtOp.MTWEOF, 0);
      wroteBlocks = false;
    } catch (StDeviceException e) {
      throw writeCondition("flushing the written blocks", e);
    }
  }

  private long safePosition() {
    try {
      return device.position();
    } catch (StDeviceException e) {
      return -1;
    }
  }

  @Override
  public DriveStatus status() throws TapeException {
    MtStatus s = mtStatus();
    if (!s.online()) {
      return new DriveStatus(
          false, Optional.empty(), 0, s.writeProtected(), false, s.cleaningRequested());
    }
    ready();
    return new DriveStatus(
        true,
        Optional.empty(),
        safePosition(),
        s.writeProtected(),
        wormLoaded(),
        s.cleaningRequested());
  }

  /**
   * Opens the device afresh (so st checks the new cartridge) and, if the drive did not thread the
   * cartridge by itself, asks it to (MTLOAD).
   */
  @Override
  public void load() throws TapeException {
    if (device.isOpen()) {
      settle();
    }
    try {
      device.close();
      device.open();
      if (!device.status().online()) {
        try {
          device.op(MtOp.MTLOAD, 1);
        } catch (StDeviceException e) {
          device.close();
          throw new TapeException.NotReady("drive " + name + " is empty: " + e.getMessage());
        }
        device.close();
        device.open();
      }
      if (!device.status().online()) {
        device.close();
        throw new TapeException.NotReady("drive " + name + " did not become ready");
      }
      device.op(MtOp.MTREW, 1);
    } catch (StDeviceException e) {
      throw hardware("loading", e);
    }
  }

  /** Rewinds and ejects (MTOFFL), then closes the device so the changer can take the cartridge. */
  @Override
  public void unload() throws TapeException {
    try {
      if (mtStatus().online()) {
        ready();
        settle();
        device.op(MtOp.MTOFFL, 1);
      }
      device.close();
    } catch (StDeviceException e) {
      throw hardware("unloading", e);
    }
  }

  @Override
  public void rewind() throws TapeException {
    ready();
    settle();
    try {
      device.op(MtOp.MTREW, 1);
    } catch (StDeviceException e) {
      throw condition("rewind", e);
    }
  }

  /**
   * One write(2), then MTIOCGET (answered from st's state, no command to the drive). st completes
   * the write that reaches early warning and sets its EOT bit, which the driver reports as {@link
   * TapeException.EarlyWarning}; st then refuses the next write once with ENOSPC, writing nothing,
   * and the driver writes again, as st allows: early warning again if that succeeded, {@link
   * TapeException.EndOfMedium} if it did not.
   */
  @Override
  public void writeBlock(ByteBuffer block) throws TapeException {
    if (!device.isOpen()) {
      ready();
    }
    int length = block.remaining();
    try {
      wroteBlocks = true; // st is in its writing state from the attempt on
      int n = device.write(block);
      if (n != length) {
        throw new TapeException.HardwareError(
            name + " wrote " + n + " of a " + length + "-byte block");
      }
      if (device.status().endOfTape()) {
        throw new TapeException.EarlyWarning(safePosition());
      }
    } catch (StDeviceException e) {
      if (e.errno() != Libc.ENOSPC) {
        throw writeCondition("write", e);
      }
      try {
        device.write(block);
      } catch (StDeviceException again) {
        throw new TapeException.EndOfMedium(safePosition());
      }
      throw new TapeException.EarlyWarning(safePosition());
    }
  }

  @Override
  public void writeFilemarks(int count) throws TapeException {
    if (count < 0) {
      throw new TapeException.IllegalRequest("cannot write " + count + " filemarks");
    }
    ready();
    try {
      device.op(MtOp.MTWEOF, count);
      wroteBlocks = false;
    } catch (StDeviceException e) {
      throw writeCondition("writing filemarks", e);
    }
  }

  /**
   * One read(2). A return of 0 is a filemark unless st reports end of data. A block larger than the
   * buffer (ENOMEM) has been skipped by st; the driver spaces back over it, so the position does
   * not move.
   */
  @Override
  public ReadResult readBlock(ByteBuffer dst) throws TapeException {
    if (!device.isOpen()) {
      ready();
    }
    int room = dst.remaining();
    int n;
    try {
      n = device.read(dst);
    } catch (StDeviceException e) {
      if (e.errno() == Libc.ENOMEM) {
        try {
          device.op(MtOp.MTBSR, 1);
        } catch (StDeviceException back) {
          throw hardware("spacing back over the block too large to read", back);
        }
        throw new TapeException.IllegalRequest(
            "the block at "
                + safePosition()
                + " on "
                + name
                + " is larger than "
                + room
                + " bytes");
      }
      throw condition("read", e, true);
    }
    if (n > 0) {
      return ReadResult.block(n);
    }
    MtStatus s = mtStatus();
    if (s.endOfData()) {
      long at = safePosition();
      throw at == 0 ? new TapeException.BlankCheck() : new TapeException.EndOfData(at);
    }
    return ReadResult.FILEMARK;
  }

  /**
   * MTFSR / MTBSR. When st stops at a filemark it has crossed it; the driver crosses it back, so
   * the position ends before the filemark as the SPI says, and counts the blocks moved from
   * positions.
   */
  @Override
  public long spaceBlocks(long count) throws TapeException {
    ready();
    if (count == 0) {
      return 0;
    }
    settle();
    long before = position();
    try {
      device.op(count > 0 ? MtOp.MTFSR : MtOp.MTBSR, Math.toIntExact(Math.abs(count)));
      return count;
    } catch (StDeviceException e) {
      MtStatus s = mtStatus();
      long at = safePosition();
      if (count > 0) {
        if (s.endOfData()) {
          throw new TapeException.EndOfData(at);
        }
        if (!s.atFilemark()) {
          throw condition("spacing forward", e, true);
        }
        crossBack(MtOp.MTBSF);
      } else if (at > 0) {
        crossBack(MtOp.MTFSF);
      }
      return position() - before;
    }
  }

  private void crossBack(MtOp op) throws TapeException {
    try {
      device.op(op, 1);
    } catch (StDeviceException e) {
      throw condition("spacing back over a filemark", e);
    }
  }

  @Override
  public void spaceFilemarks(long count) throws TapeException {
    ready();
    if (count == 0) {
      return;
    }
    settle();
    try {
      device.op(count > 0 ? MtOp.MTFSF : MtOp.MTBSF, Math.toIntExact(Math.abs(count)));
    } catch (StDeviceException e) {
      if (count < 0 && mtStatus().beginningOfTape()) {
        throw new TapeException.IllegalRequest(
            "beginning of tape reached before the filemark on " + name);
      }
      TapeException c = condition("spacing over filemarks", e, count > 0);
      if (c instanceof TapeException.BlankCheck) {
        throw new TapeException.EndOfData(0);
      }
      throw c;
    }
  }

  @Override
  public void spaceToEndOfData() throws TapeException {
    ready();
    settle();
    try {
      device.op(MtOp.MTEOM, 1);
    } catch (StDeviceException e) {
      throw condition("spacing to the end of data", e);
    }
  }

  @Override
  public void locate(long position) throws TapeException {
    ready();
    settle();
    try {
      device.op(MtOp.MTSEEK, Math.toIntExact(position));
    } catch (StDeviceException e) {
      TapeException c = condition("locate " + position, e, true);
      throw c instanceof TapeException.MediumError ? new TapeException.EndOfData(position) : c;
    }
  }

  @Override
  public long position() throws TapeException {
    ready();
    try {
      return device.position();
    } catch (StDeviceException e) {
      throw condition("reading the position", e);
    }
  }
}
