package dev.strata.vtl;

import dev.strata.tape.drivers.TapeLibraryProvider;
import dev.strata.tape.drivers.TapeSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens virtual libraries for {@link dev.strata.tape.drivers.TapeLibraries}: {@code
 * vtl:/absolute/path} is the library kept in that directory, run in this process; {@code
 * vtl://host:port} is one served by {@code ./strata vtl serve} ({@link VtlServer}), reached over a
 * connection that closing the opened library closes.
 *
 * <p>A directory is opened once per process ({@link #inProcess}) and every location naming it
 * shares that one object: the library keeps which cartridge is where in memory and persists it
 * after each move, so two objects for one directory would each believe their own state.
 */
public final class VtlProvider implements TapeLibraryProvider {
  private static final Map<Path, VirtualTapeLibrary> OPEN = new ConcurrentHashMap<>();

  @Override
  public Set<String> schemes() {
    return Set.of("vtl");
  }

  /**
   * The library in {@code directory} as this process shares it, opened on first use (LTO-9 timing,
   * time scale 0: it reports what real hardware would take without waiting).
   */
  public static VirtualTapeLibrary inProcess(Path directory) throws IOException {
    Path key = directory.toAbsolutePath().normalize();
    if (Files.isDirectory(key)) {
      key = key.toRealPath();
    }
    VirtualTapeLibrary open = OPEN.get(key);
    if (open != null) {
      return open;
    }
    synchronized (OPEN) {
      open = OPEN.get(key);
      if (open == null) {
        open = VirtualTapeLibrary.open(key);
        OPEN.put(key, open);
      }
      return open;
    }
  }

  @Override
  public Backend open(URI location, TapeSettings settings) throws IOException {
    if (location.getRawQuery() != null || location.getRawFragment() != null) {
      throw new IllegalArgumentException("a VTL location takes no options (got " + location + ")");
    }
    if (location.getAuthority() == null) {
      String path = location.getPath();
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException(
            "a VTL location is vtl:/absolute/path or vtl://host:port (got " + location + ")");
      }
      VirtualTapeLibrary library = inProcess(Path.of(path));
      Path dir = Path.of(path).toAbsolutePath().normalize();
      String identity = "vtl:" + (Files.isDirectory(dir) ? dir.toRealPath() : dir);
      return new Backend(library, identity, () -> {});
    }
    String host = location.getHost();
    int port = location.getPort();
    if (host == null
        || port <= 0
        || (location.getPath() != null && !location.getPath().isEmpty())) {
      throw new IllegalArgumentException(
          "a remote VTL location is vtl://host:port (got " + location + ")");
    }
    RemoteTapeLibrary remote =
        RemoteTapeLibrary.connect(host, port, (int) settings.connectTimeout().toMillis());
    return new Backend(
        remote, "vtl://" + host.toLowerCase(Locale.ROOT) + ":" + port, remote::close);
  }
}
