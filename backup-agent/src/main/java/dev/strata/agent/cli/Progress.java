package dev.strata.agent.cli;

import dev.strata.agent.repo.BackupStats;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display on the terminal (files, bytes, rate, ETA), redrawn in place. Shown
 * only when the process has a terminal; otherwise nothing is printed, so logs and pipes get no
 * control characters.
 */
final class Progress implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final PrintStream err;
  private final BackupStats stats;
  private final long start = System.nanoTime();

  private Progress(PrintStream err, BackupStats stats) {
    this.err = err;
    this.stats = stats;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "strata-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::draw, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** A display when there is a terminal and text output was asked for, else none. */
  static AutoCloseable start(boolean json, BackupStats stats) {
    if (json || System.console() == null) {
      return () -> {};
    }
    return new Progress(System.err, stats);
  }

  private void draw() {
    double secs = (System.nanoTime() - start) / 1e9;
    long bytes = stats.bytesDone.sum();
    double rate = bytes / Math.max(secs, 0.001);
    StringBuilder line = new StringBuilder();
    line.append(String.format(Locale.ROOT, "[%s] %d", clock(secs), stats.filesDone.sum()));
    if (stats.totalFiles >= 0) {
      line.append('/').append(stats.totalFiles);
    }
    line.append(" files, ").append(Sizes.human(bytes));
    long total = stats.totalBytes;
    if (total > 0) {
      line.append(" / ").append(Sizes.human(total));
      line.append(String.format(Locale.ROOT, " %3d%%", Math.min(100, bytes * 100 / total)));
    }
    line.append(", ").append(Sizes.human((long) rate)).append("/s");
    if (total > 0 && rate > 0 && bytes < total) {
      line.append(", ETA ").append(clock((total - bytes) / rate));
    }
    err.print("\r\033[K" + line);
    err.flush();
  }

  private static String clock(double seconds) {
    long s = (long) seconds;
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    err.print("\r\033[K");
    err.flush();
  }
}
