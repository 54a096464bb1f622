package dev.strata.node.tape;

import dev.strata.format.repo.PackVerifier;
import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;
import dev.strata.node.packs.TenantPacks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The node's tape work: staging packs for a pool, a background writer that the governor releases
 * batch by batch, copies reported from the journal, recalls into the landing store in tape order,
 * and read-back verification. On start it resumes whatever was staged and not yet journalled.
 */
public final class TapeService implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TapeService.class.getName());

  private final Map<String, NodeLibrary> libraries = new LinkedHashMap<>();
  private final TapeStaging staging;
  private final TapeJournal journal;
  private final MediaState media;
  private final DriveStats.Registry stats = new DriveStats.Registry();
  private final StreamingGovernor governor;
  private final TapeWriter writer;
  private final TapeReads reads;
  private final Clock clock;
  private final BlockingQueue<String> wakeups = new LinkedBlockingQueue<>();
  private final Set<String> flushRequested = new HashSet<>();
  private final Thread worker;
  private volatile boolean stopping;
  private volatile String lastError = "";

  public TapeService(
      List<NodeLibrary> libraries,
      TapeStaging staging,
      Path state,
      StreamingGovernor governor,
      int blockSize,
      long minFeedRate,
      Clock clock,
      RandomGenerator random)
      throws IOException {
    for (NodeLibrary l : libraries) {
      this.libraries.put(l.name(), l);
    }
    Files.createDirectories(state);
    this.staging = staging;
    this.journal = TapeJournal.open(state.resolve("copies.journal"));
    this.media = MediaState.open(state.resolve("media.properties"));
    this.governor = governor;
    this.clock = clock;
    this.writer =
        new TapeWriter(staging, journal, media, stats, clock, random, blockSize, minFeedRate);
    this.reads = new TapeReads(this.libraries, stats);
    // Tasks whose copy was journalled before a crash removed them: finish them now.
    for (StagedPack s : staging.pending()) {
      if (!journal.wholeCopy(s.tenant(), s.pack(), s.pool()).isEmpty()) {
        staging.complete(s);
      }
    }
    this.worker = new Thread(this::run, "tape-writer");
    this.worker.setDaemon(true);
  }

  public void start() {
    if (!libraries.isEmpty()) {
      worker.start();
    }
  }

  public boolean hasLibraries() {
    return !libraries.isEmpty();
  }

  public Map<String, NodeLibrary> libraries() {
    return Map.copyOf(libraries);
  }

  public TapeStaging staging() {
    return staging;
  }

  public TapeJournal journal() {
    return journal;
  }

  public MediaState media() {
    return media;
  }

  public DriveStats.Registry stats() {
    return stats;
  }

  public StreamingGovernor governor() {
    return governor;
  }

  /** The last error the writer met, empty when its last batch succeeded. */
  public String lastError() {
    return lastError;
  }

  /** Stages a pack of the landing store for {@code pool}; returns at once, durable. */
  public StagedPack stage(TenantPacks landing, TenantId tenant, PackId pack, String pool)
      throws IOException {
    if (libraries.isEmpty()) {
      throw new IllegalStateException("this node has no tape library");
    }
    long length =
        landing
            .stat(tenant, pack)
            .orElseThrow(
                () -> new dev.strata.disk.StoreException.NoSuchPack(TenantPacks.name(tenant, pack)))
            .length();
    StagedPack s =
        staging.stage(
            tenant, pack, pool, length, () -> landing.open(tenant, pack), clock.instant());
    wakeups.offer(pool);
    return s;
  }

  /** Writes what is staged for {@code pool} now, whatever the governor would say. */
  public void flush(String pool) {
    synchronized (flushRequested) {
      flushRequested.add(TapeStaging.checkPool(pool));
    }
    wakeups.offer(pool);
  }

  /** Where a pack stands on tape in a pool. */
  public record PackOnTape(String state, List<TapeCopy> pieces) {}

  public PackOnTape status(TenantId tenant, PackId pack, String pool) throws IOException {
    List<TapeCopy> whole = journal.wholeCopy(tenant, pack, pool);
    if (!whole.isEmpty()) {
      return new PackOnTape("WRITTEN", whole);
    }
    boolean staged =
        staging.pending().stream()
            .anyMatch(
                s -> s.tenant().equals(tenant) && s.pack().equals(pack) && s.pool().equals(pool));
    return new PackOnTape(staged ? "STAGED" : "UNKNOWN", journal.pieces(tenant, pack, pool));
  }

  private void run() {
    while (!stopping) {
      try {
        wakeups.poll(1, TimeUnit.SECONDS);
        wakeups.clear();
        writeDueBatches();
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        lastError = String.valueOf(e.getMessage());
        LOG.log(Level.WARNING, "tape batch failed; its packs stay staged", e);
        try {
          // Do not spin on a broken library: the next attempt comes with the next wake-up or poll.
          wakeups.poll(5, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Runs every batch the governor releases; public for the benchmark and tests that drive it. */
  public List<TapeWriter.BatchReport> writeDueBatches() throws IOException {
    Map<String, List<StagedPack>> byPool = new LinkedHashMap<>();
    for (StagedPack s : staging.pending()) {
      byPool.computeIfAbsent(s.pool(), k -> new ArrayList<>()).add(s);
    }
    List<TapeWriter.BatchReport> reports = new ArrayList<>();
    for (Map.Entry<String, List<StagedPack>> e : byPool.entrySet()) {
      boolean flush;
      synchronized (flushRequested) {
        flush = flushRequested.contains(e.getKey());
      }
      if (!governor.due(e.getValue(), clock.instant(), flush)) {
        continue;
      }
      IOException failure = null;
      for (NodeLibrary lib : libraries.values()) {
        try {
          synchronized (lib) {
            reports.addAll(writer.write(lib, e.getKey(), e.getValue()));
          }
          failure = null;
          break;
        } catch (dev.strata.tape.TapeException.NotReady full) {
          failure = full; // no cartridge for the pool here: try the next library
        }
      }
      if (failure != null) {
        throw failure;
      }
      synchronized (flushRequested) {
        flushRequested.remove(e.getKey());
      }
      lastError = "";
    }
    return reports;
  }

  /** What a recall did. */
  public record Recalled(List<String> packs, int mounts, List<String> missing) {}

  /**
   * Recalls packs from tape into the landing store, in tape order with one mount per cartridge;
   * each pack is verified (name and signature) as it lands. Packs the landing store has are not
   * read from tape.
   */
  public Recalled recall(TenantPacks landing, Path scratch, TenantId tenant, List<PackId> packs)
      throws IOException {
    List<TapeCopy> pieces = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (PackId p : packs) {
      if (landing.stat(tenant, p).isPresent()) {
        done.add(p.value());
        continue;
      }
      List<TapeCopy> whole = journal.wholeCopy(tenant, p, null);
      if (whole.isEmpty()) {
        missing.add(p.value());
      } else {
        pieces.addAll(whole);
      }
    }
    Files.createDirectories(scratch);
    int mounts =
        reads.read(pieces, piece -> Files.newOutputStream(scratch.resolve(partName(piece))));
    for (PackId p : packs) {
      if (done.contains(p.value()) || missing.contains(p.value())) {
        continue;
      }
      List<TapeCopy> whole = journal.wholeCopy(tenant, p, null);
      long length = whole.get(0).packLength();
      List<Path> parts = whole.stream().map(c -> scratch.resolve(partName(c))).toList();
      try {
        landing
            .store()
            .put(
                TenantPacks.name(tenant, p),
                () ->
                    new java.io.SequenceInputStream(
                        java.util.Collections.enumeration(openAll(parts))),
                length,
                p.sha256());
        done.add(p.value());
      } finally {
        for (Path part : parts) {
          Files.deleteIfExists(part);
        }
      }
    }
    return new Recalled(done, mounts, missing);
  }

  private static List<java.io.InputStream> openAll(List<Path> parts) throws IOException {
    List<java.io.InputStream> in = new ArrayList<>();
    for (Path p : parts) {
      in.add(Files.newInputStream(p));
    }
    return in;
  }

  private static String partName(TapeCopy c) {
    return c.tenant().value() + "~" + c.pack().value() + "~" + c.offset() + ".part";
  }

  /**
   * Reads the tape copy of a pack in {@code pool} back and checks it as on arrival: SHA-256 against
   * its name, form, and signature.
   */
  public Optional<PackVerifier.Result> verify(TenantId tenant, PackId pack, String pool)
      throws IOException {
    List<TapeCopy> whole = journal.wholeCopy(tenant, pack, pool);
    if (whole.isEmpty()) {
      return Optional.empty();
    }
    PackVerifier v = new PackVerifier(whole.get(0).packLength());
    OutputStream feed =
        new OutputStream() {
          @Override
          public void write(int b) {
            v.update(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            v.update(b, off, len);
          }
        };
    reads.read(
        whole,
        new TapeReads.Sink() {
          @Override
          public OutputStream open(TapeCopy piece) {
            return new java.io.FilterOutputStream(feed) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() {}
            };
          }
        });
    return Optional.of(v.finish());
  }

  @Override
  public void close() {
    stopping = true;
    worker.interrupt();
    for (NodeLibrary l : libraries.values()) {
      try {
        l.opened().close();
      } catch (Exception e) {
        LOG.fine("closing " + l.name() + ": " + e);
      }
    }
  }
}
