package dev.strata.node.tape;

import dev.strata.tape.TapeLibrary;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A tape library as the node uses it: its name in the node's configuration, the library behind the
 * tape SPI, and — for a virtual library in this process — the timing model's report of each drive
 * (by element address), from which back-hitches are counted.
 */
public record NodeLibrary(
    String name,
    String location,
    TapeLibrary library,
    IntFunction<Optional<dev.strata.vtl.TimingModel.Report>> timing,
    AutoCloseable closer) {}
