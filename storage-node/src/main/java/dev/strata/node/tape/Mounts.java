package dev.strata.node.tape;

import dev.strata.tape.Barcode;
import dev.strata.tape.DriveLeases;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.util.List;
import java.util.Optional;

/**
 * Moves cartridges between slots and drives of one library: mount a barcode in a free drive (or use
 * the drive that already holds it), unmount it back to its slot. Every drive used is leased first
 * ({@link DriveLeases}, shared with the tape probe and anything else in the process), and the lease
 * is given back only once the drive is empty again. The caller holds the library's lock.
 */
final class Mounts {
  /** The name a drive lease of the node shows. */
  static final String HOLDER = "storage node";

  /** A cartridge loaded in a drive. */
  record Mounted(
      String barcode,
      int driveAddress,
      int home,
      TapeDrive drive,
      boolean worm,
      DriveLeases.Lease lease) {}

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
    int home = -1;
    DriveLeases.Lease lease = null;
    if (at.type() == ElementType.DATA_TRANSFER) {
      lease =
          library
              .leases()
              .tryAcquire(library.identity(), at.address(), HOLDER)
              .orElseThrow(
                  () ->
                      new TapeException.NotReady(
                          "cartridge " + barcode + " is in a drive someone else is using"));
    } else {
      home = at.address();
      for (Element e : inv) {
        if (e.type() == ElementType.DATA_TRANSFER && !e.full()) {
          lease = library.leases().tryAcquire(library.identity(), e.address(), HOLDER).orElse(null);
          if (lease != null) {
            break;
          }
        }
      }
      if (lease == null) {
        throw new TapeException.NotReady("no free drive in library " + library.name());
      }
    }
    int drive = lease.address();
    TapeDrive d;
    try {
      if (home >= 0) {
        library.library().move(home, drive);
      }
      d = library.library().drive(drive);
      if (!d.status().loaded()) {
        d.load();
      }
    } catch (TapeException e) {
      // Where the cartridge ended up is what the inventory says; the drive is free to others.
      lease.close();
      throw e;
    }
    stats.of(library.name(), d.name()).mounted();
    boolean worm =
        Barcode.of(barcode).cartridgeType().map(t -> t.isWorm()).orElse(false) || d.status().worm();
    return new Mounted(barcode, drive, home, d, worm, lease);
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
    m.lease().close(); // only once the drive is empty again
  }
}
