package dev.strata.tape.mtx;

import java.io.IOException;
import java.util.List;

/**
 * Runs an external command and returns what it printed. The only way the hardware drivers reach the
 * operating system, so a run can be recorded ({@link RecordingRunner}) and replayed exactly ({@link
 * ReplayRunner}).
 */
@FunctionalInterface
public interface CommandRunner {
  /** The outcome of one command. */
  record Result(int exitCode, String stdout, String stderr) {}

  Result run(List<String> command) throws IOException;
}
