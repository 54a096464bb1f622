package dev.strata.node.tape;

import dev.strata.tape.volume.PieceInfo;
import dev.strata.tape.volume.TapeVolumeReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pack pieces back from tape in tape order: the pieces are grouped by cartridge, each
 * cartridge is mounted once, and its pieces are read in the order of their tape files, so the tape
 * only ever moves forward. The caller names where each piece goes.
 */
final class TapeReads {
  /** Where a piece read back goes. */
  interface Sink {
    OutputStream open(TapeCopy piece) throws IOException;

    default void done(TapeCopy piece) throws IOException {}
  }

  private final Map<String, NodeLibrary> libraries;
  private final DriveStats.Registry stats;

  TapeReads(Map<String, NodeLibrary> libraries, DriveStats.Registry stats) {
    this.libraries = libraries;
    this.stats = stats;
  }

  /** Reads every piece; returns the number of mounts it took. */
  int read(List<TapeCopy> pieces, Sink sink) throws IOException {
    Map<String, List<TapeCopy>> byCartridge = new LinkedHashMap<>();
    for (TapeCopy c : pieces) {
      byCartridge
          .computeIfAbsent(c.library() + "\u0000" + c.barcode(), k -> new ArrayList<>())
          .add(c);
    }
    int mounts = 0;
    for (List<TapeCopy> onOne : byCartridge.values()) {
      onOne.sort(Comparator.comparingInt(TapeCopy::file));
      NodeLibrary lib = libraries.get(onOne.get(0).library());
      if (lib == null) {
        throw new IOException(
            "library " + onOne.get(0).library() + " is not configured on this node");
      }
      synchronized (lib) {
        Mounts m = new Mounts(lib);
        Mounts.Mounted mounted = m.mount(onOne.get(0).barcode(), stats);
        mounts++;
        try {
          TapeVolumeReader reader = new TapeVolumeReader(mounted.drive());
          for (TapeCopy c : onOne) {
            PieceInfo p =
                new PieceInfo(
                    c.file(),
                    c.tenant().value() + "/" + c.pack().value(),
                    c.packLength(),
                    c.pack().value(),
                    c.offset(),
                    c.length());
            try (OutputStream out = sink.open(c)) {
              reader.read(p, out);
            }
            sink.done(c);
            stats.of(lib.name(), mounted.drive().name()).read(c.length());
          }
        } finally {
          m.unmount(mounted);
        }
      }
    }
    return mounts;
  }
}
