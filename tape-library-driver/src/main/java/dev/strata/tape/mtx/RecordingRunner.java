package dev.strata.tape.mtx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs commands through another runner and appends each to a transcript file (which a {@link
 * dev.strata.tape.st.RecordingStDevice} may share, so one file holds a whole run in order).
 */
public final class RecordingRunner implements CommandRunner {
  private final CommandRunner delegate;
  private final Path transcript;

  public RecordingRunner(CommandRunner delegate, Path transcript) {
    this.delegate = delegate;
    this.transcript = transcript;
  }

  @Override
  public synchronized Result run(List<String> command) throws IOException {
    Result r = delegate.run(command);
    Transcript.append(transcript, new Transcript.Entry(command, r));
    return r;
  }
}
