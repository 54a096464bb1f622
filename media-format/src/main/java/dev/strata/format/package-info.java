/**
 * Strata's on-media formats, each versioned, specified in {@code docs/formats/} and pinned by
 * golden test vectors, and each readable with no catalog at hand so that a scan of the media alone
 * can rebuild it. Today: the tape volume label ({@link dev.strata.format.VolumeLabel}).
 */
package dev.strata.format;
