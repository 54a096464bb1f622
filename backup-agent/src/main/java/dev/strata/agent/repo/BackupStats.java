package dev.strata.agent.repo;

import java.util.concurrent.atomic.LongAdder;

/** Live counters of a backup, read by the progress display while the backup runs. */
public final class BackupStats {
  public final LongAdder filesDone = new LongAdder();
  public final LongAdder bytesDone = new LongAdder();
  public final LongAdder filesNew = new LongAdder();
  public final LongAdder filesChanged = new LongAdder();
  public final LongAdder filesUnchanged = new LongAdder();
  public final LongAdder directories = new LongAdder();
  public final LongAdder blobsAdded = new LongAdder();
  public final LongAdder bytesAdded = new LongAdder();

  /** Files and bytes the backup will visit, once a scan has counted them; -1 until then. */
  public volatile long totalFiles = -1;

  public volatile long totalBytes = -1;
}
