package dev.strata.node.api;

import dev.strata.disk.StoreMetrics;
import dev.strata.disk.StoreOperation;
import dev.strata.node.packs.PackReceiver;
import dev.strata.node.tape.DriveStats;
import dev.strata.node.tape.TapeService;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The node's metrics in the Prometheus text format (version 0.0.4): packs received, the landing
 * store's traffic, bytes staged for tape, and per drive mounts, bytes, feed rate and back-hitches.
 */
public final class MetricsText implements Supplier<String> {
  private final String node;
  private final PackReceiver receiver;
  private final StoreMetrics landing;
  private final TapeService tape;

  public MetricsText(String node, PackReceiver receiver, StoreMetrics landing, TapeService tape) {
    this.node = node;
    this.receiver = receiver;
    this.landing = landing;
    this.tape = tape;
  }

  @Override
  public String get() {
    StringBuilder b = new StringBuilder();
    long[] c = receiver.counters();
    String n = "node=\"" + node + "\"";
    help(
        b,
        "strata_node_packs_received_total",
        "counter",
        "packs uploaded to this node, by outcome");
    b.append("strata_node_packs_received_total{")
        .append(n)
        .append(",outcome=\"stored\"} ")
        .append(c[0])
        .append('\n');
    b.append("strata_node_packs_received_total{")
        .append(n)
        .append(",outcome=\"present\"} ")
        .append(c[1])
        .append('\n');
    b.append("strata_node_packs_received_total{")
        .append(n)
        .append(",outcome=\"refused\"} ")
        .append(c[2])
        .append('\n');
    help(
        b,
        "strata_node_landing_bytes_total",
        "counter",
        "bytes stored in and read from the landing store");
    b.append("strata_node_landing_bytes_total{")
        .append(n)
        .append(",op=\"put\"} ")
        .append(landing.stats(StoreOperation.PUT).bytes())
        .append('\n');
    b.append("strata_node_landing_bytes_total{")
        .append(n)
        .append(",op=\"get\"} ")
        .append(landing.stats(StoreOperation.GET).bytes())
        .append('\n');
    help(b, "strata_node_tape_staged_bytes", "gauge", "bytes staged and waiting for tape");
    long staged;
    try {
      staged = tape.staging().pendingBytes();
    } catch (IOException e) {
      staged = -1;
    }
    b.append("strata_node_tape_staged_bytes{").append(n).append("} ").append(staged).append('\n');
    help(b, "strata_node_drive_mounts_total", "counter", "cartridges mounted per drive");
    help(b, "strata_node_drive_bytes_written_total", "counter", "bytes written per drive");
    help(b, "strata_node_drive_bytes_read_total", "counter", "bytes read back per drive");
    help(
        b,
        "strata_node_drive_feed_rate_bytes_per_second",
        "gauge",
        "feed rate of the drive's last batch");
    help(
        b,
        "strata_node_drive_feeds_below_minimum_total",
        "counter",
        "batches fed slower than the drive's lowest speed step");
    help(
        b,
        "strata_node_drive_backhitches_streaming_total",
        "counter",
        "back-hitches while batches streamed (VTL timing model)");
    help(
        b,
        "strata_node_drive_backhitches_total",
        "counter",
        "all back-hitches of the drive (VTL timing model)");
    for (DriveStats.View d : tape.stats().views()) {
      String l = n + ",library=\"" + d.library() + "\",drive=\"" + d.drive() + "\"";
      line(b, "strata_node_drive_mounts_total", l, d.mounts());
      line(b, "strata_node_drive_bytes_written_total", l, d.bytesWritten());
      line(b, "strata_node_drive_bytes_read_total", l, d.bytesRead());
      b.append("strata_node_drive_feed_rate_bytes_per_second{")
          .append(l)
          .append("} ")
          .append(String.format(Locale.ROOT, "%.0f", d.lastFeedRateBytesPerSecond()))
          .append('\n');
      line(b, "strata_node_drive_feeds_below_minimum_total", l, d.feedsBelowMinimum());
      if (d.backhitchesWhileStreaming() != null) {
        line(b, "strata_node_drive_backhitches_streaming_total", l, d.backhitchesWhileStreaming());
        line(b, "strata_node_drive_backhitches_total", l, d.backhitchesTotal());
      }
    }
    return b.toString();
  }

  private static void help(StringBuilder b, String name, String type, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void line(StringBuilder b, String name, String labels, long v) {
    b.append(name).append('{').append(labels).append("} ").append(v).append('\n');
  }
}
