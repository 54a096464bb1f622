package dev.strata.node.tape;

import dev.strata.format.VolumeLabel;
import dev.strata.node.tape.MediaState.Cartridge;
import dev.strata.node.tape.MediaState.State;
import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeException;
import dev.strata.tape.probe.ProbeCartridges;
import dev.strata.tape.volume.PieceInfo;
import dev.strata.tape.volume.TapeVolumeReader;
import dev.strata.tape.volume.TapeVolumeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Writes one batch of staged packs of one pool to one library, streaming: it mounts a cartridge of
 * the pool that is still filling (appending after its last piece) or else a scratch cartridge
 * (blank, labelled for the pool now), feeds every pack as one tape file per piece with immediate
 * filemarks, spans to the next cartridge at early warning, and closes each volume with its index —
 * the one synchronous filemark that puts everything before it on the medium. Only then are the
 * pieces journalled (reported) and the tasks completed. A crash before that leaves the tasks
 * staged, and the cartridge marked with the file where the batch began, which the next batch
 * overwrites.
 *
 * <p>The caller holds the library's lock: one batch per library at a time.
 */
final class TapeWriter {
  private static final Logger LOG = Logger.getLogger(TapeWriter.class.getName());

  /** The pool name a cartridge labelled by someone else as spare may carry. */
  static final String SCRATCH_POOL = "scratch";

  private final TapeStaging staging;
  private final TapeJournal journal;
  private final MediaState media;
  private final DriveStats.Registry stats;
  private final Clock clock;
  private final RandomGenerator random;
  private final int blockSize;
  private final long minFeedRate;

  TapeWriter(
      TapeStaging staging,
      TapeJournal journal,
      MediaState media,
      DriveStats.Registry stats,
      Clock clock,
      RandomGenerator random,
      int blockSize,
      long minFeedRate) {
    this.staging = staging;
    this.journal = journal;
    this.media = media;
    this.stats = stats;
    this.clock = clock;
    this.random = random;
    this.blockSize = blockSize;
    this.minFeedRate = minFeedRate;
  }

  /** What one batch did on one drive (for logs, tests and benchmarks). */
  record BatchReport(
      String library,
      String drive,
      List<String> cartridges,
      long bytes,
      double feedRate,
      Long backhitchesWhileStreaming) {}

  /** An open volume being written. */
  private final class Volume {
    final Mounts.Mounted mounted;
    final TapeVolumeWriter writer;
    final String pool;
    final List<TapeCopy> pending = new ArrayList<>();
    final long backhitchesAtStart;

    Volume(Mounts.Mounted mounted, TapeVolumeWriter writer, String pool, long backhitchesAtStart) {
      this.mounted = mounted;
      this.writer = writer;
      this.pool = pool;
      this.backhitchesAtStart = backhitchesAtStart;
    }
  }

  List<BatchReport> write(NodeLibrary lib, String pool, List<StagedPack> batch) throws IOException {
    Mounts mounts = new Mounts(lib);
    List<BatchReport> reports = new ArrayList<>();
    Volume v = open(lib, mounts, pool);
    List<String> cartridges = new ArrayList<>(List.of(v.mounted.barcode()));
    long bytes = 0;
    long started = System.nanoTime();
    try {
      for (StagedPack s : batch) {
        long offset = journal.covered(s.tenant(), s.pack(), pool);
        while (offset < s.length()) {
          long block = v.mounted.drive().position();
          PieceInfo piece;
          try (InputStream in = staging.open(s.tenant(), s.pack(), offset, s.length() - offset)) {
            piece =
                v.writer.write(
                    s.tenant().value() + "/" + s.pack().value(),
                    s.length(),
                    s.pack().bytes(),
                    offset,
                    in);
          }
          v.pending.add(
              new TapeCopy(
                  s.tenant(),
                  s.pack(),
                  pool,
                  lib.name(),
                  v.mounted.barcode(),
                  piece.file(),
                  block,
                  piece.offset(),
                  piece.length(),
                  s.length()));
          offset += piece.length();
          bytes += piece.length();
          if (v.writer.full()) {
            reports.add(close(lib, mounts, v, State.FULL, bytes, started, cartridges));
            bytes = 0;
            v = open(lib, mounts, pool);
            cartridges = new ArrayList<>(List.of(v.mounted.barcode()));
            started = System.nanoTime();
          }
        }
      }
      reports.add(close(lib, mounts, v, State.FILLING, bytes, started, cartridges));
      v = null;
    } finally {
      if (v != null) {
        // A failed batch: leave the cartridge marked with its batch start, and free the drive.
        try {
          mounts.unmount(v.mounted);
        } catch (IOException e) {
          LOG.warning("could not unmount " + v.mounted.barcode() + ": " + e.getMessage());
        }
      }
    }
    for (StagedPack s : batch) {
      if (!journal.wholeCopy(s.tenant(), s.pack(), pool).isEmpty()) {
        staging.complete(s);
      }
    }
    return reports;
  }

  private BatchReport close(
      NodeLibrary lib,
      Mounts mounts,
      Volume v,
      State state,
      long bytes,
      long started,
      List<String> cartridges)
      throws IOException {
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    double rate = bytes / seconds;
    Long streamingHitches =
        lib.timing()
            .apply(v.mounted.driveAddress())
            .map(r -> r.backhitches() - v.backhitchesAtStart)
            .orElse(null);
    v.writer.finish(); // the synchronous filemark: everything before it is on the medium now
    journal.append(v.pending);
    media.put(lib.name(), v.mounted.barcode(), new Cartridge(v.pool, state, -1));
    DriveStats ds = stats.of(lib.name(), v.mounted.drive().name());
    ds.batch(bytes, rate, bytes > 0 && rate < minFeedRate);
    Long total =
        lib.timing().apply(v.mounted.driveAddress()).map(r -> r.backhitches()).orElse(null);
    if (total != null) {
      ds.backhitches(streamingHitches, total);
    }
    mounts.unmount(v.mounted);
    return new BatchReport(
        lib.name(), v.mounted.drive().name(), cartridges, bytes, rate, streamingHitches);
  }

  /** Mounts the cartridge the pool writes to next, positioned to append. */
  private Volume open(NodeLibrary lib, Mounts mounts, String pool) throws IOException {
    for (Element e : candidates(mounts)) {
      String barcode = e.cartridge().get().value();
      Optional<Cartridge> known = media.get(lib.name(), barcode);
      if (known.isPresent()
          && known.get().state() == State.FILLING
          && known.get().pool().equals(pool)) {
        Mounts.Mounted m = mounts.mount(barcode, stats);
        if (known.get().batchStart() > 0 && m.worm()) {
          // A write-once volume whose last batch was cut off cannot be rewritten, and its cut tail
          // has no filemark to append after: it keeps what its index lists and takes no more.
          LOG.info("WORM cartridge " + barcode + " ends in an interrupted batch; closing it");
          media.put(lib.name(), barcode, new Cartridge(pool, State.FULL, -1));
          mounts.unmount(m);
          continue;
        }
        TapeVolumeWriter w =
            known.get().batchStart() > 0
                ? TapeVolumeWriter.appendAt(m.drive(), known.get().batchStart())
                : TapeVolumeWriter.append(m.drive());
        return begin(lib, m, w, pool);
      }
    }
    for (Element e : candidates(mounts)) {
      String barcode = e.cartridge().get().value();
      if (media.get(lib.name(), barcode).isPresent()) {
        continue;
      }
      Mounts.Mounted m = mounts.mount(barcode, stats);
      Optional<VolumeLabel> label;
      try {
        label = readLabel(m);
      } catch (IOException notOurs) {
        LOG.info("cartridge " + barcode + " is not a Strata volume; never writing it: " + notOurs);
        media.put(lib.name(), barcode, new Cartridge("-", State.FOREIGN, -1));
        mounts.unmount(m);
        continue;
      }
      if (label.isEmpty() || label.get().pool().equals(SCRATCH_POOL)) {
        VolumeLabel fresh =
            new VolumeLabel(
                barcode,
                pool,
                new UUID(random.nextLong(), random.nextLong()),
                clock.instant(),
                blockSize,
                m.worm());
        return begin(lib, m, TapeVolumeWriter.label(m.drive(), fresh), pool);
      }
      if (label.get().pool().equals(pool)) {
        return begin(lib, m, TapeVolumeWriter.append(m.drive()), pool);
      }
      media.put(lib.name(), barcode, new Cartridge(label.get().pool(), State.FOREIGN, -1));
      mounts.unmount(m);
    }
    throw new TapeException.NotReady(
        "library " + lib.name() + " has no filling or scratch cartridge for pool " + pool);
  }

  private Volume begin(NodeLibrary lib, Mounts.Mounted m, TapeVolumeWriter w, String pool)
      throws IOException {
    media.put(lib.name(), m.barcode(), new Cartridge(pool, State.FILLING, w.nextFile()));
    long hitches = lib.timing().apply(m.driveAddress()).map(r -> r.backhitches()).orElse(0L);
    return new Volume(m, w, pool, hitches);
  }

  /** Data cartridges in storage slots and drives, in address order. */
  private static List<Element> candidates(Mounts mounts) throws TapeException {
    return mounts.inventory().stream()
        .filter(e -> e.type() == ElementType.STORAGE || e.type() == ElementType.DATA_TRANSFER)
        .filter(e -> e.cartridge().isPresent())
        .filter(e -> !ProbeCartridges.DEFAULT.matches(e.cartridge().get()))
        .filter(
            e -> e.cartridge().flatMap(Barcode::cartridgeType).map(t -> t.holdsData()).orElse(true))
        .toList();
  }

  /** The cartridge's label, or empty when it is blank. */
  private static Optional<VolumeLabel> readLabel(Mounts.Mounted m) throws IOException {
    try {
      return Optional.of(new TapeVolumeReader(m.drive()).scan().label());
    } catch (TapeException.BlankCheck | TapeException.EndOfData e) {
      return Optional.empty();
    }
  }
}
