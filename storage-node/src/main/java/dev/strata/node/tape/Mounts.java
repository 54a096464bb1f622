package dev.strata.node.tape;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.util.List;
import java.util.Optional;

/**
 * Moves cartridges between slots and drives of one library: mount a barcode in a free drive (or use
 * the drive that already holds it), unmount it back to a storage slot. The caller holds the
 * library's lock.
 */
final class Mounts {
  /** A cartridge loaded in a drive. */
  record Mounted(String barcode, int driveAddress, int home, TapeDrive drive, boolean worm) {}

  private final NodeLibrary library;

  Mounts(NodeLibrary library) {
    this.library = library;
  }

  List<Element> inventory() throws TapeException {
    return library.library().inventory();
  }

  Mounted mount(String barcode, DriveStats.Registry stats) throws TapeException {
    List<Element> inv = inventory();
    Element at =
        inv.stream()
            .filter(e -> e.cartridge().map(b -> b.value().equals(barcode)).orElse(false))
            .findFirst()
            .orElseThrow(
                () ->
                    new TapeException.IllegalRequest(
                        "cartridge " + barcode + " is not in library " + library.name()));
    int drive;
    int home = -1;
    if (at.type() == ElementType.DATA_TRANSFER) {
      drive = at.address();
    } else {
      home = at.address();
      drive =
          inv.stream()
              .filter(e -> e.type() == ElementType.DATA_TRANSFER && !e.full())
              .mapToInt(Element::address)
              .findFirst()
              .orElseThrow(
                  () -> new TapeException.NotReady("no free drive in library " + library.name()));
      library.library().move(at.address(), drive);
    }
    TapeDrive d = library.library().drive(drive);
    if (!d.status().loaded()) {
      d.load();
    }
    stats.of(library.name(), d.name()).mounted();
    boolean worm =
        Barcode.of(barcode).cartridgeType().map(t -> t.isWorm()).orElse(false) || d.status().worm();
    return new Mounted(barcode, drive, home, d, worm);
  }

  void unmount(Mounted m) throws TapeException {
    m.drive().unload();
    List<Element> inv = inventory();
    Optional<Element> slot =
        inv.stream()
            .filter(e -> e.type() == ElementType.STORAGE && !e.full() && e.address() == m.home())
            .findFirst()
            .or(
                () ->
                    inv.stream()
                        .filter(e -> e.type() == ElementType.STORAGE && !e.full())
                        .findFirst());
    if (slot.isEmpty()) {
      throw new TapeException.NotReady("no free slot in library " + library.name());
    }
    library.library().move(m.driveAddress(), slot.get().address());
  }
}
