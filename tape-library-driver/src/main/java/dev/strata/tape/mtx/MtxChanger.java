package dev.strata.tape.mtx;

import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.LibraryCapability;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real SCSI media changer driven through {@code mtx -f DEVICE}: inventory from {@code status},
 * moves as {@code load SLOT DRIVE}, {@code unload SLOT DRIVE} and {@code transfer FROM TO}. Every
 * move is checked against a fresh inventory first, so impossible moves are refused with the same
 * answers as any library; a move the changer itself fails is a hardware error quoting mtx. Drives
 * are the {@link TapeDrive}s given for their element addresses (the st driver's, for real
 * hardware); a drive address without one is refused by name.
 */
public final class MtxChanger implements TapeLibrary {
  private final String device;
  private final CommandRunner runner;
  private final Map<Integer, TapeDrive> drives;

  public MtxChanger(String device, CommandRunner runner, Map<Integer, TapeDrive> drives) {
    this.device = device;
    this.runner = runner;
    this.drives = Map.copyOf(drives);
  }

  @Override
  public String name() {
    return "mtx:" + device;
  }

  @Override
  public Set<LibraryCapability> capabilities() {
    return EnumSet.of(LibraryCapability.BARCODE_READER, LibraryCapability.IMPORT_EXPORT);
  }

  private String mtx(String... args) throws TapeException {
    List<String> command = new java.util.ArrayList<>(List.of("mtx", "-f", device));
    command.addAll(List.of(args));
    CommandRunner.Result r;
    try {
      r = runner.run(command);
    } catch (IOException e) {
      throw new TapeException.HardwareError(
          "running mtx on " + device + " failed: " + e.getMessage());
    }
    if (r.exitCode() != 0) {
      String why = (r.stderr() + r.stdout()).strip().replaceAll("\\s+", " ");
      throw new TapeException.HardwareError(
          "mtx "
              + String.join(" ", args)
              + " on "
              + device
              + " failed (exit "
              + r.exitCode()
              + "): "
              + why);
    }
    return r.stdout();
  }

  private MtxStatus status() throws TapeException {
    try {
      return MtxStatus.parse(mtx("status"));
    } catch (MtxException e) {
      throw new TapeException.HardwareError(e.getMessage());
    }
  }

  @Override
  public synchronized List<Element> inventory() throws TapeException {
    return status().elements();
  }

  @Override
  public synchronized List<Element> rescan() throws TapeException {
    mtx("inventory");
    return inventory();
  }

  @Override
  public synchronized void move(int from, int to) throws TapeException {
    MtxStatus s = status();
    Element source =
        s.element(from).orElseThrow(() -> new TapeException.IllegalRequest("no element " + from));
    Element target =
        s.element(to).orElseThrow(() -> new TapeException.IllegalRequest("no element " + to));
    if (!source.full()) {
      throw new TapeException.IllegalRequest("element " + from + " is empty");
    }
    if (target.full()) {
      throw new TapeException.IllegalRequest("element " + to + " is full");
    }
    boolean fromDrive = source.type() == ElementType.DATA_TRANSFER;
    boolean toDrive = target.type() == ElementType.DATA_TRANSFER;
    if (fromDrive && toDrive) {
      throw new TapeException.IllegalRequest("mtx moves between drives through a slot only");
    }
    if (fromDrive) {
      TapeDrive d = drives.get(from);
      if (d != null && d.status().loaded()) {
        throw new TapeException.IllegalRequest("drive " + from + " is loaded: unload it first");
      }
      mtx("unload", slot(to), driveNumber(from));
    } else if (toDrive) {
      mtx("load", slot(from), driveNumber(to));
    } else {
      mtx("transfer", slot(from), slot(to));
    }
  }

  private static String slot(int address) {
    return Integer.toString(address - MtxStatus.SLOTS);
  }

  private static String driveNumber(int address) {
    return Integer.toString(address - MtxStatus.DRIVES);
  }

  @Override
  public TapeDrive drive(int address) throws TapeException {
    TapeDrive d = drives.get(address);
    if (d == null) {
      throw new TapeException.IllegalRequest(
          "no drive device is configured for element " + address + " of " + name());
    }
    return d;
  }
}
