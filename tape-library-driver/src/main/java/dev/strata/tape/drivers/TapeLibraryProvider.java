package dev.strata.tape.drivers;

import dev.strata.tape.TapeLibrary;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * A driver that opens the libraries of some URI schemes, found by {@link TapeLibraries} through
 * {@link java.util.ServiceLoader} (listed in {@code
 * META-INF/services/dev.strata.tape.drivers.TapeLibraryProvider}), so that the module defining the
 * SPI does not depend on the modules implementing it. A provider opens the bare library; the
 * registry stacks the wrappers on it.
 */
public interface TapeLibraryProvider {

  /** The URI schemes this provider opens, in lower case (e.g. {@code vtl}, {@code mtx}). */
  Set<String> schemes();

  /**
   * Opens the library at {@code location}.
   *
   * @throws IllegalArgumentException when the location is malformed, naming what is wrong
   * @throws IOException when the library cannot be reached
   */
  Backend open(URI location, TapeSettings settings) throws IOException;

  /**
   * An opened library.
   *
   * @param library the library itself, unwrapped
   * @param identity the library's canonical name in this process (e.g. {@code vtl:/srv/vtl/a},
   *     {@code mtx:/dev/sg3}): two locations naming the same library give the same identity, so
   *     drive leases taken through either exclude each other. Carries no secrets.
   * @param closer releases what opening took (a connection); the library is not used after it
   */
  record Backend(TapeLibrary library, String identity, AutoCloseable closer) {}
}
