package dev.strata.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a node is started with: who it is, where it keeps its state, where it listens, whom it
 * trusts, and its devices. Built by {@link NodeMain} from options or a config file.
 *
 * @param dataCenter the data center this node serves (grants name it)
 * @param node this node's name (grants may name it); defaults to {@code <dataCenter>-node}
 * @param data the node's own directory: landing store, staging, tape state, lock
 * @param address the address to listen on
 * @param port the port (0: any free one, printed when ready)
 * @param tls certificate chain and private key (PEM files), when the listener speaks TLS
 * @param tlsTrust certificates (PEM) this node trusts when it calls other nodes over HTTPS, in
 *     addition to the JVM's own trust store
 * @param centerKeys the public keys whose grants this node accepts
 * @param maxGrantLifetime grants that live longer are refused
 * @param disks disk targets (directories) by name; the first is where uploads land, unless none is
 *     given, in which case uploads land in {@code data/packs}
 * @param s3 S3 targets by name ({@code s3://bucket/prefix?endpoint=...})
 * @param vtls tape libraries by name: a directory (a virtual library in this process) or a location
 *     of the tape registry ({@code vtl:/dir}, {@code vtl://host:port}, {@code mtx:...})
 * @param tape how packs are batched onto tape
 * @param probeInterval how often the node probes its targets (zero: only on request)
 */
public record NodeConfig(
    String dataCenter,
    String node,
    Path data,
    String address,
    int port,
    Optional<Tls> tls,
    List<Path> tlsTrust,
    List<Path> centerKeys,
    Duration maxGrantLifetime,
    List<Named> disks,
    List<Named> s3,
    List<Named> vtls,
    TapeSettings tape,
    Duration probeInterval) {

  /** A device with the name the node reports it by. */
  public record Named(String name, String location) {}

  /** The listener's TLS material. */
  public record Tls(Path certificateChain, Path privateKey) {}

  /**
   * How the streaming governor batches packs onto tape.
   *
   * @param batchBytes a drive is mounted once this much is staged for a pool ...
   * @param deadline ... or once the oldest staged pack has waited this long
   * @param blockSize tape block size
   * @param minFeedRate the lowest rate (bytes/s) at which the node feeds a drive; the VTL's model
   *     says 177 MB/s for LTO-9, its slowest speed step
   */
  public record TapeSettings(long batchBytes, Duration deadline, int blockSize, long minFeedRate) {
    public static TapeSettings defaults() {
      return new TapeSettings(8L << 30, Duration.ofMinutes(15), 1 << 20, 177_000_000L);
    }
  }
}
