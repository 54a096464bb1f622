package dev.strata.vtl;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.DriveCapability;
import dev.strata.tape.DriveStatus;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A drive of the virtual library. The changer puts a cartridge in it ({@link #insert}); {@link
 * #load()} threads it, after which it behaves as SSC describes: variable blocks, filemarks,
 * positions, end of data, early warning and end of medium at the cartridge's (scaled) capacity,
 * WORM and write protection. Faults can be injected: a medium error at a given object, a drive
 * failure, a drive that asks for cleaning.
 */
public final class VirtualDrive implements TapeDrive {
  /** The largest block the drive takes, as LTO drives under Linux commonly allow. */
  public static final int MAX_BLOCK = 8 << 20;

  private final String name;
  private final Path cartridges;
  private final double scale;
  private Barcode present;
  private CartridgeType presentType;
  private boolean writeProtected;
  private VirtualCartridge tape;
  private long position;
  private boolean cleaningRequired;
  private boolean failed;
  private long mediumErrorAt = -1;

  private final TimingModel timing;

  VirtualDrive(String name, Path cartridges, double scale, TimingModel timing) {
    this.name = name;
    this.cartridges = cartridges;
    this.scale = scale;
    this.timing = timing;
  }

  /**
   * What real hardware would have done with the commands so far: bytes, streaming, back-hitches.
   */
  public synchronized TimingModel.Report report() {
    return timing.report();
  }

  /** How far along the tape the head is, 0 at the beginning, 1 at the end, for rewind times. */
  private double along() {
    return tape == null ? 0 : Math.min(1, tape.offsetOf(position) / (double) tape.capacity());
  }

  private long scaledCapacity(CartridgeType t) {
    return Math.max(1, (long) (t.nativeCapacityBytes() * scale));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<DriveCapability> capabilities() {
    return EnumSet.of(
        DriveCapability.LOCATE,
        DriveCapability.WORM,
        DriveCapability.LOGICAL_BLOCK_PROTECTION,
        DriveCapability.IMMEDIATE_FILEMARKS);
  }

  /** The changer placed a cartridge in the drive. */
  synchronized void insert(Barcode volume, CartridgeType type, boolean protect) {
    this.present = volume;
    this.presentType = type;
    this.writeProtected = protect;
  }

  /** The changer takes the cartridge out; refused while it is loaded. */
  synchronized Barcode remove() throws TapeException {
    if (tape != null) {
      throw new TapeException.IllegalRequest("drive " + name + " is loaded: unload it first");
    }
    Barcode b = present;
    present = null;
    presentType = null;
    return b;
  }

  synchronized Optional<Barcode> present() {
    return Optional.ofNullable(present);
  }

  // Fault injection: a failed drive, a drive that asks for cleaning, a medium error at an object,
  // early warning at a chosen number of bytes.
  public synchronized void failDrive(boolean on) {
    this.failed = on;
  }

  public synchronized void requireCleaning(boolean on) {
    this.cleaningRequired = on;
  }

  public synchronized void mediumErrorAt(long object) {
    this.mediumErrorAt = object;
  }

  public synchronized void earlyWarningAt(long bytes) throws TapeException {
    ready().earlyWarningAt(bytes);
  }

  private VirtualCartridge ready() throws TapeException {
    if (failed) {
      throw new TapeException.HardwareError("drive " + name + " failed");
    }
    if (tape == null) {
      throw new TapeException.NotReady(
          present == null ? "drive " + name + " is empty" : "drive " + name + " is not loaded");
    }
    return tape;
  }

  private void readyForData() throws TapeException {
    ready();
    if (cleaningRequired) {
      throw new TapeException.CleaningRequired(name);
    }
  }

  @Override
  public synchronized DriveStatus status() throws TapeException {
    if (failed) {
      throw new TapeException.HardwareError("drive " + name + " failed");
    }
    return new DriveStatus(
        tape != null,
        Optional.ofNullable(present),
        position,
        writeProtected,
        presentType != null && presentType.isWorm(),
        cleaningRequired);
  }

  @Override
  public synchronized void load() throws TapeException {
    if (failed) {
      throw new TapeException.HardwareError("drive " + name + " failed");
    }
    if (present == null) {
      throw new TapeException.NotReady("drive " + name + " is empty");
    }
    if (tape != null) {
      rewind();
      return;
    }
    if (presentType.isCleaning()) {
      cleaningRequired = false; // a cleaning cartridge cleans, and holds no data
      throw new TapeException.IllegalRequest("a cleaning cartridge cleaned drive " + name);
    }
    try {
      tape =
          VirtualCartridge.open(
              cartridges.resolve(present.value()),
              present.value(),
              presentType,
              scaledCapacity(presentType));
    } catch (IOException e) {
      throw new TapeException.HardwareError("cannot read cartridge " + present + ": " + e);
    }
    position = 0;
    timing.load();
  }

  @Override
  public synchronized void unload() throws TapeException {
    if (tape == null) {
      return;
    }
    timing.rewind(along());
    timing.unload();
    try {
      tape.close();
    } catch (IOException e) {
      throw new TapeException.HardwareError("unloading " + present + " failed: " + e);
    } finally {
      tape = null;
      position = 0;
    }
  }

  @Override
  public synchronized void rewind() throws TapeException {
    ready();
    timing.rewind(along());
    position = 0;
  }

  private void prepareWrite() throws TapeException {
    readyForData();
    if (writeProtected) {
      throw new TapeException.WriteProtected(tape.volume());
    }
    if (position < tape.count()) {
      if (tape.type().isWorm()) {
        throw new TapeException.WormOverwrite(tape.volume(), position);
      }
      try {
        tape.truncate(position);
      } catch (IOException e) {
        throw new TapeException.MediumError(position, e.toString());
      }
    }
  }

  /**
   * Erases from the current position to the end of the medium (SSC ERASE): the position becomes the
   * end of data. A WORM cartridge refuses unless the position is already its end of data.
   */
  public synchronized void erase() throws TapeException {
    prepareWrite();
  }

  @Override
  public synchronized void writeBlock(ByteBuffer block) throws TapeException {
    prepareWrite();
    if (block.remaining() == 0 || block.remaining() > MAX_BLOCK) {
      throw new TapeException.IllegalRequest(
          "a block holds 1 byte to " + MAX_BLOCK + " bytes, not " + block.remaining());
    }
    if (position == mediumErrorAt) {
      throw new TapeException.MediumError(position, "injected write error");
    }
    boolean warning;
    int length = block.remaining();
    try {
      warning = tape.writeBlock(block, position);
    } catch (TapeException e) {
      throw e;
    } catch (IOException e) {
      throw new TapeException.MediumError(position, e.toString());
    }
    position++;
    timing.write(length);
    if (warning) {
      throw new TapeException.EarlyWarning(position);
    }
  }

  @Override
  public synchronized void writeFilemarks(int count) throws TapeException {
    writeFilemarks(count, true);
  }

  /**
   * Immediate filemarks leave the timing model's buffer as it is: the tape keeps streaming. (The
   * emulated cartridge still forces its files at every filemark, so the emulator is never less
   * durable than the drive it models.)
   */
  @Override
  public synchronized void writeFilemarksImmediate(int count) throws TapeException {
    writeFilemarks(count, false);
  }

  private void writeFilemarks(int count, boolean synchronous) throws TapeException {
    if (count < 0) {
      throw new TapeException.IllegalRequest("cannot write " + count + " filemarks");
    }
    prepareWrite();
    try {
      for (int i = 0; i < count; i++) {
        tape.writeFilemark();
        position++;
      }
      if (synchronous) {
        timing.flush();
      }
    } catch (IOException e) {
      throw new TapeException.MediumError(position, e.toString());
    }
  }

  @Override
  public synchronized ReadResult readBlock(ByteBuffer dst) throws TapeException {
    readyForData();
    if (tape.count() == 0) {
      throw new TapeException.BlankCheck();
    }
    if (position >= tape.count()) {
      throw new TapeException.EndOfData(position);
    }
    if (position == mediumErrorAt) {
      throw new TapeException.MediumError(position, "injected read error");
    }
    if (tape.kind(position) == VirtualCartridge.FILEMARK) {
      position++;
      return ReadResult.FILEMARK;
    }
    int length = tape.length(position);
    if (dst.remaining() < length) {
      throw new TapeException.IllegalRequest(
          "the block at "
              + position
              + " has "
              + length
              + " bytes; the buffer holds "
              + dst.remaining());
    }
    try {
      tape.readBlock(position, dst);
    } catch (TapeException e) {
      throw e;
    } catch (IOException e) {
      throw new TapeException.MediumError(position, e.toString());
    }
    position++;
    timing.read(length);
    return ReadResult.block(length);
  }

  @Override
  public synchronized long spaceBlocks(long count) throws TapeException {
    ready();
    long moved = 0;
    if (count >= 0) {
      while (moved < count) {
        if (position >= tape.count()) {
          throw new TapeException.EndOfData(position);
        }
        if (tape.kind(position) == VirtualCartridge.FILEMARK) {
          break;
        }
        position++;
        moved++;
      }
    } else {
      while (moved > count
          && position > 0
          && tape.kind(position - 1) != VirtualCartridge.FILEMARK) {
        position--;
        moved--;
      }
    }
    return moved;
  }

  @Override
  public synchronized void spaceFilemarks(long count) throws TapeException {
    ready();
    if (count >= 0) {
      for (long seen = 0; seen < count; position++) {
        if (position >= tape.count()) {
          throw new TapeException.EndOfData(position);
        }
        if (tape.kind(position) == VirtualCartridge.FILEMARK) {
          seen++;
        }
      }
    } else {
      for (long seen = 0; seen > count; ) {
        if (position == 0) {
          throw new TapeException.IllegalRequest("beginning of tape reached before the filemark");
        }
        position--;
        if (tape.kind(position) == VirtualCartridge.FILEMARK) {
          seen--;
        }
      }
    }
  }

  @Override
  public synchronized void spaceToEndOfData() throws TapeException {
    position = ready().count();
  }

  @Override
  public synchronized void locate(long target) throws TapeException {
    if (target < 0 || target > ready().count()) {
      throw new TapeException.EndOfData(Math.max(target, 0));
    }
    timing.locate();
    position = target;
  }

  @Override
  public synchronized long position() throws TapeException {
    ready();
    return position;
  }
}
