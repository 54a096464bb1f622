package dev.strata.pool.restore;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a restore, numbered from 1 in the order it happened: what its event stream sends, and
 * what a client that reconnects resumes after ({@code Last-Event-ID}).
 */
public class RestoreEvent {
  public static final int MAX_MESSAGE = 500;

  private Long id;
  private String restoreId;
  private long sequence;
  private Instant at;
  private RestoreEventKind kind;
  private String message;
  private long bytesDone;
  private long filesDone;

  /** For the persistence mapping only. */
  protected RestoreEvent() {}

  RestoreEvent(
      RestoreId restore,
      long sequence,
      Instant at,
      RestoreEventKind kind,
      String message,
      long bytesDone,
      long filesDone) {
    this.restoreId = restore.hex();
    this.sequence = sequence;
    this.at = Objects.requireNonNull(at, "at");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.message = printable(message);
    this.bytesDone = bytesDone;
    this.filesDone = filesDone;
  }

  /** What an agent or node said, made printable and short: control characters become '?'. */
  public static String printable(String s) {
    if (s == null) {
      return "";
    }
    String stripped = s.strip();
    String clipped =
        stripped.length() <= MAX_MESSAGE ? stripped : stripped.substring(0, MAX_MESSAGE);
    StringBuilder b = new StringBuilder(clipped.length());
    clipped.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }

  public RestoreId restore() {
    return new RestoreId(restoreId);
  }

  public long sequence() {
    return sequence;
  }

  public Instant at() {
    return at;
  }

  public RestoreEventKind kind() {
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
