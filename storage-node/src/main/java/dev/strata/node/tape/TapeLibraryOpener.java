package dev.strata.node.tape;

import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.VirtualLibrary;
import dev.strata.vtl.VirtualTapeLibrary;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the tape libraries a node is configured with through the tape registry ({@link
 * TapeLibraries}, drivers by URI scheme): {@code vtl:/dir} or a bare directory (a virtual library
 * in this process, created with the embedded layout when the directory holds none), {@code
 * vtl://host:port} (one served by another process), {@code mtx:...} (a real changer with st
 * drives).
 */
public final class TapeLibraryOpener {
  private final TapeLibraries registry;
  private final TapeSettings settings;

  public TapeLibraryOpener(TapeLibraries registry, TapeSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  public static TapeLibraryOpener defaults() {
    return new TapeLibraryOpener(TapeLibraries.discovered(), TapeSettings.defaults());
  }

  public NodeLibrary open(String name, String location) throws IOException {
    URI uri;
    if (location.contains(":")) {
      uri = URI.create(location);
    } else {
      Path dir = Path.of(location).toAbsolutePath().normalize();
      if (!Files.exists(dir.resolve(LibraryConfig.FILE_NAME))) {
        VirtualLibrary.create(dir, LibraryConfig.embeddedDefault(name));
      }
      uri = dir.toUri();
      uri = URI.create("vtl:" + uri.getRawPath());
    }
    TapeLibraries.Opened opened = registry.open(uri, settings);
    return new NodeLibrary(
        name,
        uri.toString(),
        opened,
        address -> {
          if (opened.library() instanceof VirtualTapeLibrary vtl) {
            try {
              return Optional.of(vtl.virtualDrive(address).report());
            } catch (IOException e) {
              return Optional.empty();
            }
          }
          return Optional.empty();
        });
  }
}
