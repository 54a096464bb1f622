/**
 * The real-hardware changer driver: SCSI media changers driven through the {@code mtx} command,
 * every command going through one {@link dev.strata.tape.mtx.CommandRunner} seam so that real runs
 * can be recorded and replayed strictly in tests.
 */
package dev.strata.tape.mtx;
