package dev.strata.disk;

/**
 * Space of a store, in bytes.
 *
 * @param totalBytes size of the device or quota, -1 when the store cannot tell (object stores)
 * @param freeBytes what may still be written, -1 when the store cannot tell
 */
public record Capacity(long totalBytes, long freeBytes) {}
