/**
 * Nearline disk targets. Today: durable local-filesystem writes and the probe that measures a disk
 * target for the media service pool. The pack storage interface with its local and S3 backends
 * arrives with issue 5 and builds on {@link dev.strata.disk.DurableFiles}.
 */
package dev.strata.disk;
