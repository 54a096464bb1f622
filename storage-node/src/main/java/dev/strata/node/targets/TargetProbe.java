package dev.strata.node.targets;

import java.time.Instant;

/**
 * One probe of one target, as the node reports it for the center to collect: whether the target
 * answered, its capacity, a data-path test (a durable write and a verified read-back) and its
 * timings. Fields a kind cannot measure are -1 (numbers) and say so in {@code detail}.
 *
 * @param target the target's name on this node
 * @param at when the probe ran (node clock)
 * @param reachable the target answered
 * @param totalBytes capacity, -1 when unknown
 * @param freeBytes free capacity, -1 when unknown
 * @param probeBytes bytes written and read back by the data-path test, 0 when none
 * @param dataPathTested a probe block/pack was written and read back
 * @param verified what was read back is what was written
 * @param writeMillis time of the durable write, -1 when not tested
 * @param readMillis time of the read-back, -1 when not tested
 * @param detail what failed or what was not measured
 */
public record TargetProbe(
    String target,
    Instant at,
    boolean reachable,
    long totalBytes,
    long freeBytes,
    long probeBytes,
    boolean dataPathTested,
    boolean verified,
    long writeMillis,
    long readMillis,
    String detail) {}
