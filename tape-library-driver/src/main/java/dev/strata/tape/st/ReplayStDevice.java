package dev.strata.tape.st;

import dev.strata.tape.mtx.CommandRunner;
import dev.strata.tape.mtx.ReplayRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Answers every call from a recorded transcript, strictly: a call that is not exactly the next
 * recorded one — another operation, another count, a block with other bytes — fails the replay.
 * Shares its {@link ReplayRunner} with the changer, so the order between changer commands and drive
 * calls is checked too.
 */
public final class ReplayStDevice implements StDevice {
  private final String path;
  private final ReplayRunner replay;
  private boolean open;

  public ReplayStDevice(String path, ReplayRunner replay) {
    this.path = path;
    this.replay = replay;
  }

  private CommandRunner.Result next(List<String> command) throws StDeviceException {
    CommandRunner.Result r;
    try {
      r = replay.run(command);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (r.exitCode() != 0) {
      throw new StDeviceException(r.exitCode(), r.stderr().strip());
    }
    return r;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void open() throws StDeviceException {
    next(StTranscript.command(path, "open"));
    open = true;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public int write(ByteBuffer src) throws StDeviceException {
    CommandRunner.Result r =
        next(StTranscript.command(path, "write", src.remaining(), StTranscript.sha256(src)));
    int n = StTranscript.firstNumber(r.stdout());
    src.position(src.position() + n);
    return n;
  }

  @Override
  public int read(ByteBuffer dst) throws StDeviceException {
    CommandRunner.Result r = next(StTranscript.command(path, "read", dst.remaining()));
    byte[] data = StTranscript.readData(r.stdout());
    if (data.length != StTranscript.firstNumber(r.stdout())) {
      throw new IllegalStateException("replay: a read's length and data disagree");
    }
    dst.put(data);
    return data.length;
  }

  @Override
  public void op(MtOp op, int count) throws StDeviceException {
    next(StTranscript.command(path, op.name(), count));
  }

  @Override
  public MtStatus status() throws StDeviceException {
    return MtStatus.parse(next(StTranscript.command(path, "status")).stdout());
  }

  @Override
  public long position() throws StDeviceException {
    return Long.parseLong(next(StTranscript.command(path, "position")).stdout().strip());
  }

  @Override
  public byte[] modeSense(int page) throws StDeviceException {
    return java.util.HexFormat.of()
        .parseHex(next(StTranscript.command(path, "MODE-SENSE", page)).stdout().strip());
  }

  @Override
  public void close() throws StDeviceException {
    next(StTranscript.command(path, "close"));
    open = false;
  }
}
