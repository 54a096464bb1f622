package dev.strata.node.tape;

import dev.strata.tape.DriveLeases;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.drivers.TapeLibraries;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A tape library as the node uses it: its name in the node's configuration, the library opened
 * through the tape registry (with its identity and the process's drive leases), and — for a virtual
 * library in this process — the timing model's report of each drive (by element address), from
 * which back-hitches are counted.
 */
public record NodeLibrary(
    String name,
    String location,
    TapeLibraries.Opened opened,
    IntFunction<Optional<dev.strata.vtl.TimingModel.Report>> timing) {

  public TapeLibrary library() {
    return opened.library();
  }

  String identity() {
    return opened.identity();
  }

  DriveLeases leases() {
    return opened.leases();
  }
}
