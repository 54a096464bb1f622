package dev.strata.pool.jobs;

import dev.strata.pool.restore.RestoreEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a job run, numbered from 1 in the order it happened: what its event stream sends and
 * what a client that reconnects resumes after.
 */
public class JobRunEvent {
  private Long id;
  private String runId;
  private long sequence;
  private Instant at;
  private JobRunEventKind kind;
  private String message;
  private long bytesDone;
  private long filesDone;

  /** For the persistence mapping only. */
  protected JobRunEvent() {}

  JobRunEvent(
      JobRunId run,
      long sequence,
      Instant at,
      JobRunEventKind kind,
      String message,
      long bytesDone,
      long filesDone) {
    this.runId = run.hex();
    this.sequence = sequence;
    this.at = Objects.requireNonNull(at, "at");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.message = RestoreEvent.printable(message);
    this.bytesDone = bytesDone;
    this.filesDone = filesDone;
  }

  public JobRunId run() {
    return new JobRunId(runId);
  }

  public long sequence() {
    return sequence;
  }

  public Instant at() {
    return at;
  }

  public JobRunEventKind kind() {
    return kind;
  }

  public String message() {
    return message;
  }

  public long bytesDone() {
    return bytesDone;
  }

  public long filesDone() {
    return filesDone;
  }
}
