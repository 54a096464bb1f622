package dev.strata.tape.drivers;

import dev.strata.tape.DriveLeases;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.fault.FaultInjectingTapeLibrary;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The one place where a tape library is put together: the driver chosen by the location's URI
 * scheme ({@code vtl:} a virtual library in this process or on a server, {@code mtx:} a real
 * changer with st drives), then the wrappers — today fault injection, when asked for. Every caller
 * (the control center's prober, storage nodes, tools) gets its library here, so the stack is the
 * same everywhere; the tape counterpart of {@code PackStores.open}.
 *
 * <p>Drivers are {@link TapeLibraryProvider}s found through {@link ServiceLoader}: this module
 * defines the SPI and the mtx/st driver, and knows nothing of the modules that add others.
 */
public final class TapeLibraries {
  private final Map<String, TapeLibraryProvider> byScheme = new TreeMap<>();

  /** A registry of the given providers (tests, or a process that chooses its drivers). */
  public TapeLibraries(List<TapeLibraryProvider> providers) {
    for (TapeLibraryProvider p : providers) {
      for (String scheme : p.schemes()) {
        TapeLibraryProvider before = byScheme.putIfAbsent(scheme.toLowerCase(Locale.ROOT), p);
        if (before != null && before.getClass() != p.getClass()) {
          throw new IllegalStateException(
              "two tape drivers for '"
                  + scheme
                  + ":': "
                  + before.getClass().getName()
                  + " and "
                  + p.getClass().getName());
        }
      }
    }
  }

  /** The drivers on this module's class path (and the context class loader's, if different). */
  public static TapeLibraries discovered() {
    Map<Class<?>, TapeLibraryProvider> found = new java.util.LinkedHashMap<>();
    for (ClassLoader loader :
        new ClassLoader[] {
          TapeLibraries.class.getClassLoader(), Thread.currentThread().getContextClassLoader()
        }) {
      if (loader != null) {
        ServiceLoader.load(TapeLibraryProvider.class, loader)
            .forEach(p -> found.putIfAbsent(p.getClass(), p));
      }
    }
    return new TapeLibraries(List.copyOf(found.values()));
  }

  /** The schemes this registry opens. */
  public java.util.Set<String> schemes() {
    return java.util.Collections.unmodifiableSet(byScheme.keySet());
  }

  /**
   * A library ready for use, with its identity, its leases and, when enabled, its fault injector.
   */
  public static final class Opened implements AutoCloseable {
    private final TapeLibrary library;
    private final String identity;
    private final DriveLeases leases;
    private final Optional<FaultInjectingTapeLibrary> faults;
    private final AutoCloseable closer;

    private Opened(
        TapeLibrary library,
        String identity,
        DriveLeases leases,
        Optional<FaultInjectingTapeLibrary> faults,
        AutoCloseable closer) {
      this.library = library;
      this.identity = identity;
      this.leases = leases;
      this.faults = faults;
      this.closer = closer;
    }

    public TapeLibrary library() {
      return library;
    }

    /** The library's name for drive leases and messages (see {@link DriveLeases}). */
    public String identity() {
      return identity;
    }

    /** The lease table of the process (or of the test) every user of this library shares. */
    public DriveLeases leases() {
      return leases;
    }

    public Optional<FaultInjectingTapeLibrary> faults() {
      return faults;
    }

    /** Releases what opening took (a remote library's connection). */
    @Override
    public void close() throws IOException {
      try {
        closer.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  /**
   * Opens the library at {@code location} (see docs/operations.md for the forms each driver takes).
   *
   * @throws IllegalArgumentException for a location no driver of this process opens, or one its
   *     driver finds malformed
   * @throws IOException when the library cannot be reached
   */
  public Opened open(URI location, TapeSettings settings) throws IOException {
    String scheme =
        location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
    TapeLibraryProvider provider = byScheme.get(scheme);
    if (provider == null) {
      throw new IllegalArgumentException(
          "no tape driver for '"
              + location
              + "' in this process (it opens "
              + String.join(", ", byScheme.keySet().stream().map(s -> s + ":").toList())
              + ")");
    }
    TapeLibraryProvider.Backend backend = provider.open(location, settings);
    Optional<FaultInjectingTapeLibrary> faults =
        settings.faultInjection()
            ? Optional.of(new FaultInjectingTapeLibrary(backend.library()))
            : Optional.empty();
    TapeLibrary stack = faults.<TapeLibrary>map(f -> f).orElse(backend.library());
    return new Opened(stack, backend.identity(), settings.leases(), faults, backend.closer());
  }
}
