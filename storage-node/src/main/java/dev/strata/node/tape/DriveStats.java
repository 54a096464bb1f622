package dev.strata.node.tape;

/**
 * What one drive has done for this node, as reported in the API and {@code /metrics}: mounts, bytes
 * written, batches, the feed rate of the last batch (bytes the node handed the drive per second of
 * wall time while it streamed), and — from the VTL's timing model, for virtual drives —
 * back-hitches while batches streamed and in all. Thread-safe.
 */
public final class DriveStats {
  private final String library;
  private final String drive;
  private long mounts;
  private long bytesWritten;
  private long bytesRead;
  private long batches;
  private double lastFeedRate;
  private long feedsBelowMinimum;
  private long backhitchesStreaming;
  private long backhitchesTotal;
  private boolean modelled;

  public DriveStats(String library, String drive) {
    this.library = library;
    this.drive = drive;
  }

  /** A snapshot for reporting. */
  public record View(
      String library,
      String drive,
      long mounts,
      long bytesWritten,
      long bytesRead,
      long batches,
      double lastFeedRateBytesPerSecond,
      long feedsBelowMinimum,
      Long backhitchesWhileStreaming,
      Long backhitchesTotal) {}

  synchronized void mounted() {
    mounts++;
  }

  synchronized void read(long bytes) {
    bytesRead += bytes;
  }

  synchronized void batch(long bytes, double feedRate, boolean belowMinimum) {
    batches++;
    bytesWritten += bytes;
    lastFeedRate = feedRate;
    if (belowMinimum) {
      feedsBelowMinimum++;
    }
  }

  synchronized void backhitches(long whileStreaming, long total) {
    modelled = true;
    backhitchesStreaming += whileStreaming;
    backhitchesTotal = total;
  }

  public synchronized View view() {
    return new View(
        library,
        drive,
        mounts,
        bytesWritten,
        bytesRead,
        batches,
        lastFeedRate,
        feedsBelowMinimum,
        modelled ? backhitchesStreaming : null,
        modelled ? backhitchesTotal : null);
  }

  /** The stats of every drive the node used, by library and drive name. */
  public static final class Registry {
    private final java.util.Map<String, DriveStats> drives = new java.util.TreeMap<>();

    public synchronized DriveStats of(String library, String drive) {
      return drives.computeIfAbsent(
          library + "\u0000" + drive, k -> new DriveStats(library, drive));
    }

    public synchronized java.util.List<View> views() {
      return drives.values().stream().map(DriveStats::view).toList();
    }
  }
}
