package dev.strata.node.tape;

import dev.strata.disk.DurableFiles;
import dev.strata.disk.PackStore;
import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;
import dev.strata.node.packs.TenantPacks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The packs staged for tape: each one's bytes in the staging store (durable, verified by SHA-256 as
 * they were copied in) and a task file naming it and its pool, written after the bytes. A node that
 * restarts finds every task it had acknowledged here. Thread-safe.
 */
public final class TapeStaging {
  /** Pool names: what a volume label and a file name can both hold. */
  public static final Pattern POOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private final TenantPacks staged;
  private final Path tasks;

  public TapeStaging(PackStore staging, Path tasks) throws IOException {
    this.staged = new TenantPacks(staging);
    this.tasks = tasks;
    Files.createDirectories(tasks);
  }

  public static String checkPool(String pool) {
    if (pool == null || !POOL.matcher(pool).matches()) {
      throw new IllegalArgumentException(
          "a pool name is 1-63 characters of letters, digits, '.', '_' or '-'");
    }
    return pool;
  }

  private Path taskFile(String pool, TenantId tenant, PackId pack) {
    return tasks.resolve(pool + "~" + tenant.value() + "~" + pack.value() + ".task");
  }

  /**
   * Stages {@code length} bytes from {@code content} as a task for {@code pool}; idempotent (a pack
   * already staged for the pool is not copied again).
   */
  public synchronized StagedPack stage(
      TenantId tenant,
      PackId pack,
      String pool,
      long length,
      org.apache.commons.io.function.IOSupplier<InputStream> content,
      Instant now)
      throws IOException {
    checkPool(pool);
    Path task = taskFile(pool, tenant, pack);
    if (Files.exists(task)) {
      return read(task);
    }
    if (staged.stat(tenant, pack).filter(i -> i.length() == length).isEmpty()) {
      staged.store().put(TenantPacks.name(tenant, pack), content, length, pack.sha256());
    }
    Properties p = new Properties();
    p.setProperty("tenant", tenant.value());
    p.setProperty("pack", pack.value());
    p.setProperty("pool", pool);
    p.setProperty("length", Long.toString(length));
    p.setProperty("staged", now.toString());
    java.io.StringWriter w = new java.io.StringWriter();
    p.store(w, "a pack staged for tape");
    DurableFiles.write(task, ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.UTF_8)));
    return read(task);
  }

  private static StagedPack read(Path task) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(task, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return new StagedPack(
        TenantId.of(p.getProperty("tenant")),
        PackId.of(p.getProperty("pack")),
        p.getProperty("pool"),
        Long.parseLong(p.getProperty("length")),
        Instant.parse(p.getProperty("staged")));
  }

  /** Every task, oldest first. */
  public synchronized List<StagedPack> pending() throws IOException {
    List<StagedPack> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks, "*.task")) {
      for (Path t : ds) {
        try {
          out.add(read(t));
        } catch (NoSuchFileException e) {
          // completed meanwhile
        }
      }
    }
    out.sort(
        Comparator.comparing(StagedPack::stagedAt)
            .thenComparing(s -> s.pack().value())
            .thenComparing(StagedPack::pool));
    return out;
  }

  /** The staged bytes of {@code pack} from {@code offset}. */
  public InputStream open(TenantId tenant, PackId pack, long offset, long length)
      throws IOException {
    return staged.open(tenant, pack, offset, length);
  }

  public boolean isStaged(TenantId tenant, PackId pack) throws IOException {
    return staged.stat(tenant, pack).isPresent();
  }

  /**
   * Ends a task whose copy is journalled: removes the task, then the staged bytes unless another
   * pool still needs them.
   */
  public synchronized void complete(StagedPack s) throws IOException {
    Path task = taskFile(s.pool(), s.tenant(), s.pack());
    if (Files.deleteIfExists(task)) {
      DurableFiles.fsyncDirectory(tasks);
    }
    boolean needed;
    // Another pool's task for the same pack still needs the bytes.
    try (DirectoryStream<Path> others =
        Files.newDirectoryStream(
            tasks, "*~" + s.tenant().value() + "~" + s.pack().value() + ".task")) {
      needed = others.iterator().hasNext();
    }
    if (!needed) {
      staged.delete(s.tenant(), s.pack());
    }
  }

  /** Bytes staged and waiting, for the metrics. */
  public long pendingBytes() throws IOException {
    return pending().stream().mapToLong(StagedPack::length).sum();
  }

  TenantPacks staged() {
    return staged;
  }
}
