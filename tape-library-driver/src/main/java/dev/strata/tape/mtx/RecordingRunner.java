package dev.strata.tape.mtx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Runs commands through another runner and appends each to a transcript file. */
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
    Files.writeString(
        transcript,
        Transcript.format(new Transcript.Entry(command, r)),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return r;
  }
}
