/**
 * The layout of a Strata tape volume (specified in {@code docs/formats/tape-volume.md}): the label
 * as tape file 0, one pack piece per tape file in self-checking blocks, and an end-of-volume index;
 * written and read through the tape SPI only, so it is the same on a VTL and on real drives.
 */
package dev.strata.tape.volume;
