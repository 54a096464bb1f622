package dev.strata.tape.probe;

import dev.strata.tape.Barcode;
import dev.strata.tape.DriveLeases;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.drivers.TapeLibraries;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Measures a tape library for the media service pool through its data path: it finds the cartridge
 * set aside for probing ({@link ProbeCartridges}) and a free drive — one whose element is empty and
 * that nobody in this process has leased ({@link DriveLeases}), so a drive in use is never
 * disturbed — moves the cartridge in, loads it, writes random probe blocks and a filemark from the
 * beginning of the tape, rewinds, reads them back and compares them, unloads and returns the
 * cartridge to its slot, timing each step. Capacity is read off the inventory ({@link
 * TapeCapacity}).
 *
 * <p>Nothing is thrown for a device fault: an unreadable inventory is an unreachable library, a
 * fault during the test is a report that is not verified and says at which step, and what became of
 * the probe cartridge. A library without a probe cartridge or without a free drive is reachable but
 * untested, and says which. A probe cartridge found in a drive (an earlier probe was cut off) is
 * used where it is and returned to the first empty storage slot.
 */
public final class TapeProbe {
  /** The holder name the probe's drive leases show. */
  public static final String HOLDER = "tape probe";

  private final RandomGenerator random;
  private final Clock clock;
  private final int probeBytes;
  private final int blockSize;
  private final ProbeCartridges cartridges;

  /**
   * @param random source of the probe blocks (random, so no compression flatters the figures)
   * @param clock the time the steps are measured with
   * @param probeBytes how much to write and read back (1 byte to 64 MiB)
   * @param blockSize the largest block written (1 byte to 1 MiB; LTO drives stream best with 256
   *     KiB or more)
   * @param cartridges which cartridges are set aside for probing
   */
  public TapeProbe(
      RandomGenerator random,
      Clock clock,
      int probeBytes,
      int blockSize,
      ProbeCartridges cartridges) {
    if (probeBytes < 1 || probeBytes > 64 << 20) {
      throw new IllegalArgumentException("probeBytes must be within 1..64 MiB");
    }
    if (blockSize < 1 || blockSize > 1 << 20) {
      throw new IllegalArgumentException("blockSize must be within 1..1 MiB");
    }
    this.random = random;
    this.clock = clock;
    this.probeBytes = probeBytes;
    this.blockSize = blockSize;
    this.cartridges = cartridges;
  }

  /** Probes an opened library, with the leases of those who opened it. */
  public TapeProbeReport probe(TapeLibraries.Opened opened) {
    return probe(opened.library(), opened.identity(), opened.leases(), Set.of());
  }

  /**
   * Probes {@code library}, known as {@code identity} in {@code leases}; {@code written} are data
   * cartridges known to hold data (not counted as free).
   */
  public TapeProbeReport probe(
      TapeLibrary library, String identity, DriveLeases leases, Set<Barcode> written) {
    List<Element> inventory;
    TapeCapacity capacity;
    try {
      inventory = library.inventory();
      capacity = TapeCapacity.of(inventory, library, cartridges, written);
    } catch (TapeException | RuntimeException e) {
      return TapeProbeReport.unreachable(
          "cannot read the inventory of " + identity + ": " + message(e));
    }
    Optional<Element> found =
        inventory.stream()
            .filter(e -> e.cartridge().map(cartridges::matches).orElse(false))
            .filter(e -> e.type() != ElementType.IMPORT_EXPORT)
            .findFirst();
    if (found.isEmpty()) {
      return TapeProbeReport.untested(
          capacity,
          "no probe cartridge: no cartridge labelled "
              + cartridges.prefix()
              + "... in a storage slot or drive");
    }
    Element at = found.get();
    Barcode barcode = at.cartridge().orElseThrow();
    if (barcode.cartridgeType().map(t -> t.isWorm() || t.isCleaning()).orElse(false)) {
      return TapeProbeReport.untested(
          capacity,
          "probe cartridge "
              + barcode
              + " is a "
              + barcode.cartridgeType().orElseThrow()
              + " cartridge; the probe rewrites its cartridge and needs a rewritable one");
    }
    if (at.type() == ElementType.DATA_TRANSFER) {
      Optional<Element> slot =
          inventory.stream().filter(e -> e.type() == ElementType.STORAGE && !e.full()).findFirst();
      if (slot.isEmpty()) {
        return TapeProbeReport.untested(
            capacity,
            "probe cartridge " + barcode + " is in drive " + at.address() + " and no slot is free");
      }
      Optional<DriveLeases.Lease> lease = leases.tryAcquire(identity, at.address(), HOLDER);
      if (lease.isEmpty()) {
        return TapeProbeReport.untested(
            capacity,
            "probe cartridge "
                + barcode
                + " is in drive "
                + at.address()
                + ", which "
                + leases.holder(identity, at.address()).orElse("someone")
                + " holds");
      }
      try (DriveLeases.Lease l = lease.get()) {
        return exercise(library, capacity, barcode, at.address(), slot.get().address(), true);
      }
    }
    List<String> busy = new ArrayList<>();
    int drives = 0;
    for (Element e : inventory) {
      if (e.type() != ElementType.DATA_TRANSFER) {
        continue;
      }
      drives++;
      if (e.full()) {
        busy.add(e.address() + " holds a cartridge");
        continue;
      }
      Optional<DriveLeases.Lease> lease = leases.tryAcquire(identity, e.address(), HOLDER);
      if (lease.isEmpty()) {
        busy.add(e.address() + " is used by " + leases.holder(identity, e.address()).orElse("?"));
        continue;
      }
      try (DriveLeases.Lease l = lease.get()) {
        try {
          library.drive(e.address());
        } catch (TapeException.IllegalRequest noDevice) {
          busy.add(e.address() + " has no device here");
          continue;
        } catch (TapeException | RuntimeException ex) {
          return TapeProbeReport.untested(
              capacity, "drive " + e.address() + " cannot be reached: " + message(ex));
        }
        return exercise(library, capacity, barcode, e.address(), at.address(), false);
      }
    }
    return TapeProbeReport.untested(
        capacity,
        drives == 0
            ? "no drive in the library"
            : "no free drive for probe cartridge "
                + barcode
                + " ("
                + drives
                + " drive(s): "
                + String.join(", ", busy)
                + ")");
  }

  /** The steps of a data-path test, named in reports of a failure. */
  private enum Step {
    MOUNT("moving the probe cartridge into the drive and loading it"),
    WRITE("writing the probe blocks"),
    POSITION("rewinding"),
    READ("reading the probe blocks back"),
    UNMOUNT("unloading and returning the probe cartridge");

    final String text;

    Step(String text) {
      this.text = text;
    }
  }

  private TapeProbeReport exercise(
      TapeLibrary library,
      TapeCapacity capacity,
      Barcode barcode,
      int driveAddress,
      int home,
      boolean alreadyInDrive) {
    byte[] payload = new byte[probeBytes];
    random.nextBytes(payload);
    Step step = Step.MOUNT;
    String driveName = "drive " + driveAddress;
    Duration mount = null;
    Duration positioning = null;
    Duration write = null;
    Duration read = null;
    String mismatch = null;
    TapeDrive drive = null;
    try {
      drive = library.drive(driveAddress);
      driveName = drive.name();
      Instant t = clock.instant();
      if (!alreadyInDrive) {
        library.move(home, driveAddress);
      }
      drive.load();
      mount = since(t);

      step = Step.WRITE;
      t = clock.instant();
      for (int off = 0; off < probeBytes; off += blockSize) {
        drive.writeBlock(ByteBuffer.wrap(payload, off, Math.min(blockSize, probeBytes - off)));
      }
      drive.writeFilemarks(1);
      write = since(t);

      step = Step.POSITION;
      t = clock.instant();
      drive.rewind();
      positioning = since(t);

      step = Step.READ;
      t = clock.instant();
      mismatch = readBack(drive, payload);
      read = since(t);

      step = Step.UNMOUNT;
      t = clock.instant();
      drive.unload();
      library.move(driveAddress, home);
      Duration unmount = since(t);
      boolean verified = mismatch == null;
      String detail =
          String.format(
                  Locale.ROOT,
                  "%s, probe cartridge %s: mount %s, rewind %s, wrote %s in %d block(s) at %s,"
                      + " read back at %s%s",
                  driveName,
                  barcode,
                  millis(mount),
                  millis(positioning),
                  TapeCapacity.bytes(probeBytes),
                  (probeBytes + blockSize - 1) / blockSize,
                  rate(write),
                  rate(read),
                  verified ? ", verified" : "; NOT VERIFIED: " + mismatch)
              + "; "
              + capacity.describe();
      return new TapeProbeReport(
          true,
          capacity,
          true,
          Optional.of(driveName),
          Optional.of(barcode.value()),
          probeBytes,
          mount,
          positioning,
          write,
          read,
          unmount,
          verified,
          detail);
    } catch (TapeException | RuntimeException e) {
      String what =
          driveName
              + ", probe cartridge "
              + barcode
              + ": "
              + step.text
              + " failed: "
              + message(e)
              + (mismatch == null ? "" : " (and " + mismatch + ")")
              + "; "
              + putBack(library, drive, barcode, driveAddress, home);
      return new TapeProbeReport(
          true,
          capacity,
          true,
          Optional.of(driveName),
          Optional.of(barcode.value()),
          probeBytes,
          mount,
          positioning,
          write,
          read,
          null,
          false,
          what + "; " + capacity.describe());
    }
  }

  /** Reads the probe blocks back; what differs, or {@code null} when everything matches. */
  private String readBack(TapeDrive drive, byte[] payload) throws TapeException {
    ByteBuffer buf = ByteBuffer.allocate(blockSize);
    int block = 0;
    for (int off = 0; off < probeBytes; off += blockSize, block++) {
      int expected = Math.min(blockSize, probeBytes - off);
      ReadResult r = drive.readBlock(buf.clear());
      if (r.filemark() || r.length() != expected) {
        return "block " + block + " read back as " + describe(r) + ", not " + expected + " bytes";
      }
      if (!Arrays.equals(buf.array(), 0, expected, payload, off, off + expected)) {
        return "block " + block + " read back differs from what was written";
      }
    }
    ReadResult end = drive.readBlock(buf.clear());
    if (!end.filemark()) {
      return "no filemark after the probe blocks (found " + describe(end) + ")";
    }
    return null;
  }

  private static String describe(ReadResult r) {
    return r.filemark() ? "a filemark" : r.length() + " bytes";
  }

  /**
   * After a failure: finds the probe cartridge in the inventory (a failed move may or may not have
   * happened) and, if it is in the drive, unloads it and moves it home. Says where it is.
   */
  private static String putBack(
      TapeLibrary library, TapeDrive drive, Barcode barcode, int driveAddress, int home) {
    try {
      Optional<Element> where =
          library.inventory().stream()
              .filter(e -> e.cartridge().filter(barcode::equals).isPresent())
              .findFirst();
      if (where.isEmpty()) {
        return "probe cartridge " + barcode + " is no longer in the library's inventory";
      }
      if (where.get().address() != driveAddress) {
        return "probe cartridge " + barcode + " stays in element " + where.get().address();
      }
      if (drive == null) {
        drive = library.drive(driveAddress);
      }
      drive.unload();
      library.move(driveAddress, home);
      return "probe cartridge " + barcode + " returned to element " + home;
    } catch (TapeException | RuntimeException e) {
      return "probe cartridge "
          + barcode
          + " may still be in drive "
          + driveAddress
          + " ("
          + message(e)
          + ")";
    }
  }

  private Duration since(Instant t) {
    return Duration.between(t, clock.instant());
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
  }

  private String rate(Duration d) {
    double seconds = Math.max(d.toNanos(), 1) / 1e9;
    return TapeCapacity.bytes((long) (probeBytes / seconds)) + "/s";
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
