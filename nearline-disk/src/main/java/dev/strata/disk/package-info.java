/**
 * Nearline disk targets behind one interface, {@link dev.strata.disk.PackStore}: today the local
 * file system ({@link dev.strata.disk.LocalPackStore}) with durable writes ({@link
 * dev.strata.disk.DurableFiles}) and retention locks, and {@link dev.strata.disk.StoreProbe}, which
 * measures any store for the ranking of targets. S3-compatible object stores and the
 * retry/metrics/fault wrappers arrive with issue 5.
 */
package dev.strata.disk;
