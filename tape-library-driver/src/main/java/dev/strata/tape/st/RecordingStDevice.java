package dev.strata.tape.st;

import dev.strata.tape.mtx.CommandRunner;
import dev.strata.tape.mtx.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/** Passes every call to a real device and appends it, with its outcome, to a transcript file. */
public final class RecordingStDevice implements StDevice {
  private final StDevice device;
  private final Path transcript;

  public RecordingStDevice(StDevice device, Path transcript) {
    this.device = device;
    this.transcript = transcript;
  }

  private void record(List<String> command, CommandRunner.Result result) {
    try {
      Transcript.append(transcript, new Transcript.Entry(command, result));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record to " + transcript, e);
    }
  }

  private interface Call<T> {
    T run() throws StDeviceException;
  }

  private <T> T recorded(
      List<String> command, Call<T> call, java.util.function.Function<T, String> out)
      throws StDeviceException {
    T value;
    try {
      value = call.run();
    } catch (StDeviceException e) {
      record(command, StTranscript.failed(e));
      throw e;
    }
    record(command, StTranscript.ok(out.apply(value)));
    return value;
  }

  @Override
  public String path() {
    return device.path();
  }

  @Override
  public void open() throws StDeviceException {
    recorded(
        StTranscript.command(path(), "open"),
        () -> {
          device.open();
          return "";
        },
        v -> v);
  }

  @Override
  public boolean isOpen() {
    return device.isOpen();
  }

  @Override
  public int write(ByteBuffer src) throws StDeviceException {
    List<String> c =
        StTranscript.command(path(), "write", src.remaining(), StTranscript.sha256(src));
    return recorded(c, () -> device.write(src), String::valueOf);
  }

  @Override
  public int read(ByteBuffer dst) throws StDeviceException {
    int start = dst.position();
    List<String> c = StTranscript.command(path(), "read", dst.remaining());
    return recorded(
        c,
        () -> device.read(dst),
        n -> StTranscript.readResult(dst.duplicate().position(start).limit(start + n)));
  }

  @Override
  public void op(MtOp op, int count) throws StDeviceException {
    recorded(
        StTranscript.command(path(), op.name(), count),
        () -> {
          device.op(op, count);
          return "";
        },
        v -> v);
  }

  @Override
  public MtStatus status() throws StDeviceException {
    return recorded(StTranscript.command(path(), "status"), device::status, MtStatus::format);
  }

  @Override
  public long position() throws StDeviceException {
    return recorded(StTranscript.command(path(), "position"), device::position, String::valueOf);
  }

  @Override
  public byte[] modeSense(int page) throws StDeviceException {
    return recorded(
        StTranscript.command(path(), "MODE-SENSE", page),
        () -> device.modeSense(page),
        java.util.HexFormat.of()::formatHex);
  }

  @Override
  public void close() throws StDeviceException {
    recorded(
        StTranscript.command(path(), "close"),
        () -> {
          device.close();
          return "";
        },
        v -> v);
  }
}
