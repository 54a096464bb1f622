package dev.strata.tape.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link TapeProbe} found. Times are {@code null} where the probe did not get that far.
 *
 * @param reachable the library answered its inventory
 * @param capacity the capacity read off the inventory, {@code null} when unreachable
 * @param tested a data-path test was attempted (a probe cartridge and a free drive were found)
 * @param drive the drive the test ran on, or empty
 * @param cartridge the probe cartridge's barcode, or empty
 * @param probeBytes bytes written and read back when tested, else 0
 * @param mount moving the cartridge into the drive and loading it
 * @param positioning rewinding from the end of the probe blocks to the beginning of the tape
 * @param write writing the probe blocks and the filemark that ends them
 * @param read reading them back and comparing them
 * @param unmount unloading and returning the cartridge to its slot
 * @param verified every block read back equals what was written, and the cartridge went home
 * @param detail a short human-readable account, never {@code null}
 */
public record TapeProbeReport(
    boolean reachable,
    TapeCapacity capacity,
    boolean tested,
    Optional<String> drive,
    Optional<String> cartridge,
    long probeBytes,
    Duration mount,
    Duration positioning,
    Duration write,
    Duration read,
    Duration unmount,
    boolean verified,
    String detail) {

  static TapeProbeReport unreachable(String why) {
    return new TapeProbeReport(
        false,
        null,
        false,
        Optional.empty(),
        Optional.empty(),
        0,
        null,
        null,
        null,
        null,
        null,
        false,
        why);
  }

  /** Reachable, but no data-path test could be made; {@code why} says what is missing. */
  static TapeProbeReport untested(TapeCapacity capacity, String why) {
    return new TapeProbeReport(
        true,
        capacity,
        false,
        Optional.empty(),
        Optional.empty(),
        0,
        null,
        null,
        null,
        null,
        null,
        false,
        why + "; " + capacity.describe());
  }
}
