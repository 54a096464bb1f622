package dev.strata.tape.st;

import dev.strata.tape.mtx.CommandRunner;
import dev.strata.tape.mtx.ProcessRunner;
import dev.strata.tape.mtx.ReplayRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the real-hardware driver reaches the host's devices: the command runner {@code mtx} goes
 * through and the st device behind each drive node. The one seam through which a run against live
 * devices is recorded, or a recording replayed, when the driver is opened by {@link
 * dev.strata.tape.drivers.TapeLibraries} like any other library.
 */
public interface HostDevices {

  /** Runs the changer's {@code mtx} commands. */
  CommandRunner changer();

  /** The st device at {@code node} (e.g. {@code /dev/nst0}), not yet opened. */
  StDevice drive(String node);

  /** Whether a device node exists, so a misspelt path is named before any command runs. */
  boolean exists(String node);

  /** The live devices of this host: {@code mtx} as a process with a deadline, st through libc. */
  static HostDevices linux(Duration commandTimeout) {
    ProcessRunner runner = new ProcessRunner(Math.max(1, commandTimeout.toSeconds()));
    return new HostDevices() {
      @Override
      public CommandRunner changer() {
        return runner;
      }

      @Override
      public StDevice drive(String node) {
        return new LinuxStDevice(node);
      }

      @Override
      public boolean exists(String node) {
        return Files.exists(Path.of(node));
      }
    };
  }

  /**
   * A strict replay of one transcript: every mtx command and st call must be the next one recorded.
   * The recorded device nodes need not exist here.
   */
  static HostDevices replay(ReplayRunner replay) {
    return new HostDevices() {
      @Override
      public CommandRunner changer() {
        return replay;
      }

      @Override
      public StDevice drive(String node) {
        return new ReplayStDevice(node, replay);
      }

      @Override
      public boolean exists(String node) {
        return true;
      }
    };
  }
}
