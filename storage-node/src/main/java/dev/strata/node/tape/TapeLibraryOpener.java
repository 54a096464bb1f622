package dev.strata.node.tape;

import dev.strata.vtl.DriveTiming;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.RemoteTapeLibrary;
import dev.strata.vtl.VirtualLibrary;
import dev.strata.vtl.VirtualTapeLibrary;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens the tape libraries a node is configured with: a directory is a virtual library in this
 * process (created with the embedded defaults when the directory holds none), {@code
 * vtl://host:port} a virtual library served by another process. The one seam to replace with the
 * tape registry by URI scheme once it exists, so {@code mtx:} libraries come in the same way.
 */
public final class TapeLibraryOpener {
  private final Clock clock;
  private final double timeScale;

  public TapeLibraryOpener(Clock clock, double timeScale) {
    this.clock = clock;
    this.timeScale = timeScale;
  }

  public NodeLibrary open(String name, String location) throws IOException {
    if (location.startsWith("vtl://")) {
      URI u = URI.create(location);
      if (u.getHost() == null || u.getPort() < 0) {
        throw new IllegalArgumentException("a remote VTL is vtl://host:port, not " + location);
      }
      RemoteTapeLibrary remote = RemoteTapeLibrary.connect(u.getHost(), u.getPort(), 30_000);
      return new NodeLibrary(name, location, remote, a -> Optional.empty(), remote);
    }
    if (location.contains("://")) {
      throw new IllegalArgumentException(
          "no tape driver for " + location + " in this node: use a directory or vtl://host:port");
    }
    Path dir = Path.of(location).toAbsolutePath();
    if (!Files.exists(dir.resolve(LibraryConfig.FILE_NAME))) {
      VirtualLibrary.create(dir, LibraryConfig.embeddedDefault(name));
    }
    VirtualTapeLibrary vtl = VirtualTapeLibrary.open(dir, DriveTiming.LTO9, clock, timeScale);
    return new NodeLibrary(
        name,
        dir.toString(),
        vtl,
        address -> {
          try {
            return Optional.of(vtl.virtualDrive(address).report());
          } catch (IOException e) {
            return Optional.empty();
          }
        },
        () -> {});
  }
}
