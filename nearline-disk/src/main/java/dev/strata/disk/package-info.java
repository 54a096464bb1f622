/**
 * Nearline disk targets behind one interface, {@link dev.strata.disk.PackStore}: local file systems
 * ({@link dev.strata.disk.LocalPackStore}, with durable writes through {@link
 * dev.strata.disk.DurableFiles}) and S3-compatible object stores ({@link
 * dev.strata.disk.S3PackStore}), each marked as a store by a {@link dev.strata.disk.StoreMarker}
 * when it is initialised; the wrappers for retries, metrics, logging and fault injection, composed
 * in one place ({@link dev.strata.disk.PackStores}); and {@link dev.strata.disk.StoreProbe}, which
 * measures any store for the ranking of targets.
 */
package dev.strata.disk;
