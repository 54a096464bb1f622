package dev.strata.tape.fault;

import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wraps any library and injects the faults real libraries show, on command: a command that fails
 * the next {@code n} times, a device that works for a while and then fails every command of a kind
 * (a drive dying mid-write, a robot that jams), a cartridge that reads back other bytes than were
 * written. The failure is the {@link TapeException} a real device would raise, so callers are
 * tested against the conditions they must handle. It never changes by itself what the wrapped
 * library holds: a fault stops a command before it reaches the library.
 */
public final class FaultInjectingTapeLibrary extends TapeLibraryWrapper {
  private record Fault(int remaining, int passes, Supplier<TapeException> condition) {}

  private final Map<TapeOperation, Fault> faults = new EnumMap<>(TapeOperation.class);
  private volatile boolean corruptReads;

  public FaultInjectingTapeLibrary(TapeLibrary delegate) {
    super(delegate);
  }

  /** The next {@code times} commands {@code op} fail with {@code condition}, reaching nothing. */
  public synchronized FaultInjectingTapeLibrary failNext(
      TapeOperation op, int times, Supplier<TapeException> condition) {
    faults.put(op, new Fault(times, 0, condition));
    return this;
  }

  /**
   * Lets the next {@code passes} commands {@code op} through and fails every one after them with
   * {@code condition}, until {@link #clear()}.
   */
  public synchronized FaultInjectingTapeLibrary failAfter(
      TapeOperation op, int passes, Supplier<TapeException> condition) {
    faults.put(op, new Fault(-1, passes, condition));
    return this;
  }

  /** Every move fails as a jammed robot's does, until {@link #clear()}. */
  public FaultInjectingTapeLibrary jamRobot() {
    return failAfter(
        TapeOperation.MOVE,
        0,
        () -> new TapeException.HardwareError("the robot of " + name() + " is jammed (injected)"));
  }

  /** A drive that writes {@code blocks} more blocks and then fails every write. */
  public FaultInjectingTapeLibrary failWritesAfter(int blocks) {
    return failAfter(
        TapeOperation.WRITE_BLOCK,
        blocks,
        () -> new TapeException.HardwareError("the drive failed while writing (injected)"));
  }

  /** Whether every block read comes back with one byte flipped, as from a garbled medium. */
  public FaultInjectingTapeLibrary corruptReads(boolean on) {
    this.corruptReads = on;
    return this;
  }

  /** Ends every injected fault. */
  public synchronized FaultInjectingTapeLibrary clear() {
    faults.clear();
    corruptReads = false;
    return this;
  }

  private synchronized void maybeFail(TapeOperation op) throws TapeException {
    Fault f = faults.get(op);
    if (f == null) {
      return;
    }
    if (f.passes() > 0) {
      faults.put(op, new Fault(f.remaining(), f.passes() - 1, f.condition()));
      return;
    }
    if (f.remaining() > 0) {
      if (f.remaining() == 1) {
        faults.remove(op);
      } else {
        faults.put(op, new Fault(f.remaining() - 1, 0, f.condition()));
      }
    }
    throw f.condition().get();
  }

  @Override
  protected <T> T around(TapeOperation op, int drive, Call<T> call) throws TapeException {
    maybeFail(op);
    return call.run();
  }

  @Override
  protected void afterRead(int drive, ByteBuffer dst, int start, ReadResult result) {
    if (corruptReads && !result.filemark() && result.length() > 0) {
      int middle = start + result.length() / 2;
      dst.put(middle, (byte) (dst.get(middle) ^ 0x01));
    }
  }
}
