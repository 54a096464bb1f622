package dev.strata.pool.restore;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.TargetId;
import dev.strata.pool.catalog.MediumId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Estimates a restore from the copies it will read ({@link CopyChoice}). Each target reads at the
 * throughput its probes measured, and pays its measured latency per pack; a remote data center is
 * read at most at its link's speed. Packs only on tape are first recalled to their node's disk:
 * each cartridge is mounted once, located to its first pack and to each further pack that does not
 * follow the previous one, read at the drive's measured speed and unloaded; a node recalls one
 * cartridge after another, and nodes recall in parallel. Then every pack is transferred to the
 * agent, one after another. Unmeasured speeds take the assumed figures below, and the estimate says
 * it was not measured.
 */
public final class RestoreEstimator {
  /** Robot exchange, load and thread of an LTO cartridge. */
  static final Duration MOUNT = Duration.ofSeconds(60);

  /** LTO-9's average time to locate a file from the beginning of tape. */
  static final Duration FIRST_LOCATE = Duration.ofSeconds(56);

  /** Skipping forward to a pack that does not follow the one read before. */
  static final Duration NEXT_LOCATE = Duration.ofSeconds(10);

  /** Rewind and unload. */
  static final Duration UNLOAD = Duration.ofSeconds(30);

  static final long ASSUMED_TAPE_BPS = 300_000_000L;
  static final long ASSUMED_DISK_BPS = 150_000_000L;
  static final long ASSUMED_OBJECT_BPS = 50_000_000L;

  private RestoreEstimator() {}

  /** The speed at which a data center's link carries a restore to the agent (empty: no limit). */
  static OptionalLong linkBytesPerSecond(NetworkLink link) {
    return switch (link) {
      case LOCAL -> OptionalLong.empty();
      case FIBRE_CHANNEL -> OptionalLong.of(1_600_000_000L);
      case WAN -> OptionalLong.of(125_000_000L);
      case INTERNET -> OptionalLong.of(12_500_000L);
    };
  }

  /**
   * The estimate of reading {@code chosen} (one copy per pack), with {@code missingPacks} packs
   * that have no copy to read. Tape copies are recalled to {@code landing} of their data center,
   * read at {@code landingBytesPerSecond} (empty: the assumed disk speed).
   */
  public static RestoreEstimate estimate(
      List<SourceCopy> chosen, int missingPacks, OptionalLong landingBytesPerSecond) {
    Map<TargetId, List<SourceCopy>> byTarget = new LinkedHashMap<>();
    chosen.forEach(c -> byTarget.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(c));
    List<RestoreEstimate.Part> parts = new ArrayList<>();
    Map<DataCenterId, Duration> stagingPerDataCenter = new HashMap<>();
    Duration transfer = Duration.ZERO;
    long bytes = 0;
    int mounts = 0;
    boolean measured = true;
    for (var e : byTarget.entrySet()) {
      List<SourceCopy> copies = e.getValue();
      SourceCopy first = copies.get(0);
      long targetBytes = copies.stream().mapToLong(SourceCopy::bytes).sum();
      bytes += targetBytes;
      boolean targetMeasured = first.readBytesPerSecond().isPresent();
      long readBps = first.readBytesPerSecond().orElse(assumed(first.mediaClass()));
      OptionalLong link = linkBytesPerSecond(first.link());
      Duration time;
      int targetMounts = 0;
      if (first.isTape()) {
        Map<MediumId, List<SourceCopy>> byCartridge = new LinkedHashMap<>();
        copies.forEach(
            c ->
                byCartridge
                    .computeIfAbsent(c.onTape().get().cartridge(), k -> new ArrayList<>())
                    .add(c));
        Duration staging = Duration.ZERO;
        for (List<SourceCopy> onCartridge : byCartridge.values()) {
          staging = staging.plus(cartridge(onCartridge, readBps));
        }
        targetMounts = byCartridge.size();
        mounts += targetMounts;
        stagingPerDataCenter.merge(first.dataCenter(), staging, Duration::plus);
        long landing = landingBytesPerSecond.orElse(ASSUMED_DISK_BPS);
        measured &= landingBytesPerSecond.isPresent();
        Duration fromLanding = seconds(targetBytes, min(landing, link));
        transfer = transfer.plus(fromLanding);
        time = staging.plus(fromLanding);
      } else {
        long latency = first.latencyMicros().orElse(0);
        time =
            seconds(targetBytes, min(readBps, link))
                .plus(Duration.ofNanos(latency * 1000 * copies.size()));
        transfer = transfer.plus(time);
      }
      measured &= targetMeasured;
      parts.add(
          new RestoreEstimate.Part(
              e.getKey(),
              first.dataCenter(),
              first.mediaClass(),
              copies.size(),
              targetBytes,
              targetMounts,
              time,
              min(readBps, link),
              targetMeasured));
    }
    Duration staging =
        stagingPerDataCenter.values().stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    return new RestoreEstimate(
        staging.plus(transfer),
        bytes,
        chosen.size(),
        mounts,
        staging,
        transfer,
        measured,
        missingPacks,
        parts);
  }

  /** Mount, locate, read in tape order, unload. */
  private static Duration cartridge(List<SourceCopy> copies, long readBps) {
    List<SourceCopy> inTapeOrder =
        copies.stream()
            .sorted(
                Comparator.comparingLong((SourceCopy c) -> c.onTape().get().fileNumber())
                    .thenComparingLong(c -> c.onTape().get().blockOffset()))
            .toList();
    Duration d = MOUNT.plus(FIRST_LOCATE).plus(UNLOAD);
    long previousFile = -1;
    for (SourceCopy c : inTapeOrder) {
      long file = c.onTape().get().fileNumber();
      if (previousFile >= 0 && file > previousFile + 1) {
        d = d.plus(NEXT_LOCATE);
      }
      previousFile = file;
      d = d.plus(seconds(c.bytes(), readBps));
    }
    return d;
  }

  private static long assumed(MediaClass m) {
    return switch (m) {
      case TAPE -> ASSUMED_TAPE_BPS;
      case DISK -> ASSUMED_DISK_BPS;
      case OBJECT -> ASSUMED_OBJECT_BPS;
    };
  }

  private static long min(long bps, OptionalLong cap) {
    return cap.isPresent() ? Math.min(bps, cap.getAsLong()) : bps;
  }

  private static Duration seconds(long bytes, long bytesPerSecond) {
    return Duration.ofMillis((long) Math.ceil(bytes * 1000.0 / Math.max(1, bytesPerSecond)));
  }
}
