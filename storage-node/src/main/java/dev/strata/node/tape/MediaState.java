package dev.strata.node.tape;

import dev.strata.disk.DurableFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the node knows of its cartridges: the pool each belongs to, whether it is filling or full,
 * and — while a batch is being written to it — the tape file where that batch began, so that after
 * a crash the node rewrites from there instead of trusting a half-flushed tail. Rewritten durably
 * (temporary file, fsync, rename) on every change. Thread-safe.
 */
public final class MediaState {
  /** Where a cartridge stands. */
  public enum State {
    /** Labelled for a pool; more can be appended. */
    FILLING,
    /** Reached early warning; read only. */
    FULL,
    /** Labelled by someone else (another pool or format): never written by this node. */
    FOREIGN
  }

  /** One cartridge. {@code batchStart} is -1 when no batch is in progress. */
  public record Cartridge(String pool, State state, int batchStart) {}

  private final Path file;
  private final Map<String, Cartridge> cartridges = new TreeMap<>();

  private MediaState(Path file) {
    this.file = file;
  }

  public static MediaState open(Path file) throws IOException {
    MediaState m = new MediaState(file);
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (String key : p.stringPropertyNames()) {
        String[] f = p.getProperty(key).split(" ");
        m.cartridges.put(key, new Cartridge(f[0], State.valueOf(f[1]), Integer.parseInt(f[2])));
      }
    }
    return m;
  }

  private static String key(String library, String barcode) {
    return library + "/" + barcode;
  }

  public synchronized Optional<Cartridge> get(String library, String barcode) {
    return Optional.ofNullable(cartridges.get(key(library, barcode)));
  }

  public synchronized void put(String library, String barcode, Cartridge c) throws IOException {
    cartridges.put(key(library, barcode), c);
    Properties p = new Properties();
    cartridges.forEach(
        (k, v) -> p.setProperty(k, v.pool() + " " + v.state() + " " + v.batchStart()));
    StringWriter w = new StringWriter();
    p.store(w, "cartridges known to this storage node: pool state batch-start-file");
    DurableFiles.write(file, ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.UTF_8)));
  }

  public synchronized Map<String, Cartridge> all() {
    return Map.copyOf(cartridges);
  }
}
