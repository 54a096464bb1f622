package dev.strata.tape.fault;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.DriveCapability;
import dev.strata.tape.DriveStatus;
import dev.strata.tape.Element;
import dev.strata.tape.LibraryCapability;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

/**
 * Base of the wrappers that add one cross-cutting behaviour to a library and its drives: every
 * command passes through {@link #around}, so a wrapper states its behaviour once instead of in each
 * method, and works the same on every implementation — the VTL, a remote VTL, the mtx/st driver.
 * Wrappers are stacked by {@link dev.strata.tape.drivers.TapeLibraries}, never inside a driver.
 */
public abstract class TapeLibraryWrapper implements TapeLibrary {
  /** One command of the wrapped library or drive. */
  @FunctionalInterface
  protected interface Call<T> {
    T run() throws TapeException;
  }

  protected final TapeLibrary delegate;

  protected TapeLibraryWrapper(TapeLibrary delegate) {
    this.delegate = delegate;
  }

  /**
   * Runs {@code call} (one command) with this wrapper's behaviour.
   *
   * @param drive the drive's element address, or -1 for a library command
   */
  protected abstract <T> T around(TapeOperation op, int drive, Call<T> call) throws TapeException;

  /**
   * What a read delivered: the block is in {@code dst} from {@code start} to its position. By
   * default left as it is.
   */
  protected void afterRead(int drive, ByteBuffer dst, int start, ReadResult result) {}

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Set<LibraryCapability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public List<Element> inventory() throws TapeException {
    return around(TapeOperation.INVENTORY, -1, delegate::inventory);
  }

  @Override
  public List<Element> rescan() throws TapeException {
    return around(TapeOperation.RESCAN, -1, delegate::rescan);
  }

  @Override
  public void move(int from, int to) throws TapeException {
    around(
        TapeOperation.MOVE,
        -1,
        () -> {
          delegate.move(from, to);
          return null;
        });
  }

  @Override
  public TapeDrive drive(int address) throws TapeException {
    return new Drive(address, delegate.drive(address));
  }

  @Override
  public long capacityOf(CartridgeType type) throws TapeException {
    return delegate.capacityOf(type);
  }

  /** A drive of the wrapped library, its commands passing through {@link #around}. */
  private final class Drive implements TapeDrive {
    private final int address;
    private final TapeDrive d;

    Drive(int address, TapeDrive d) {
      this.address = address;
      this.d = d;
    }

    private void run(TapeOperation op, VoidCall call) throws TapeException {
      around(
          op,
          address,
          () -> {
            call.run();
            return null;
          });
    }

    @Override
    public String name() {
      return d.name();
    }

    @Override
    public Set<DriveCapability> capabilities() {
      return d.capabilities();
    }

    @Override
    public DriveStatus status() throws TapeException {
      return around(TapeOperation.STATUS, address, d::status);
    }

    @Override
    public void load() throws TapeException {
      run(TapeOperation.LOAD, d::load);
    }

    @Override
    public void unload() throws TapeException {
      run(TapeOperation.UNLOAD, d::unload);
    }

    @Override
    public void rewind() throws TapeException {
      run(TapeOperation.REWIND, d::rewind);
    }

    @Override
    public void writeBlock(ByteBuffer block) throws TapeException {
      run(TapeOperation.WRITE_BLOCK, () -> d.writeBlock(block));
    }

    @Override
    public void writeFilemarks(int count) throws TapeException {
      run(TapeOperation.WRITE_FILEMARKS, () -> d.writeFilemarks(count));
    }

    @Override
    public ReadResult readBlock(ByteBuffer dst) throws TapeException {
      int start = dst.position();
      ReadResult r = around(TapeOperation.READ_BLOCK, address, () -> d.readBlock(dst));
      afterRead(address, dst, start, r);
      return r;
    }

    @Override
    public long spaceBlocks(long count) throws TapeException {
      return around(TapeOperation.SPACE_BLOCKS, address, () -> d.spaceBlocks(count));
    }

    @Override
    public void spaceFilemarks(long count) throws TapeException {
      run(TapeOperation.SPACE_FILEMARKS, () -> d.spaceFilemarks(count));
    }

    @Override
    public void spaceToEndOfData() throws TapeException {
      run(TapeOperation.SPACE_TO_END_OF_DATA, d::spaceToEndOfData);
    }

    @Override
    public void locate(long position) throws TapeException {
      run(TapeOperation.LOCATE, () -> d.locate(position));
    }

    @Override
    public long position() throws TapeException {
      return around(TapeOperation.POSITION, address, d::position);
    }
  }

  @FunctionalInterface
  private interface VoidCall {
    void run() throws TapeException;
  }
}
