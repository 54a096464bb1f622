package dev.strata.disk;

import java.time.Instant;
import java.util.Optional;

/**
 * What a store knows about a stored pack.
 *
 * @param name the pack's name
 * @param length its size in bytes
 * @param modified when it was stored
 * @param retainedUntil the end of its retention lock, if any
 */
public record PackInfo(
    PackName name, long length, Instant modified, Optional<Instant> retainedUntil) {}
