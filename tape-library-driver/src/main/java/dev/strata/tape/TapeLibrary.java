package dev.strata.tape;

import java.util.List;
import java.util.Set;

/**
 * A tape library, modelled on a SCSI media changer (SMC): elements (the picker, storage slots, mail
 * slots, drives) at addresses, cartridges identified by volume tags, and one command that moves a
 * cartridge from one element to another. Importing and exporting are moves to and from a mail slot.
 *
 * <p><b>Threading:</b> implementations are thread-safe; the changer executes one move at a time.
 * <b>Idempotency:</b> {@link #inventory} is; a move is not (a repeated move finds its source
 * empty), so after an error read the inventory before deciding.
 */
public interface TapeLibrary {

  String name();

  Set<LibraryCapability> capabilities();

  /** Every element in address order (READ ELEMENT STATUS). */
  List<Element> inventory() throws TapeException;

  /**
   * Scans the library again (INITIALIZE ELEMENT STATUS), after the door was opened, then reports
   * the inventory.
   */
  List<Element> rescan() throws TapeException;

  /**
   * Moves the cartridge in element {@code from} to element {@code to} (MOVE MEDIUM). A cartridge
   * can go to a drive only when the drive is unloaded, and leaves a drive only after {@link
   * TapeDrive#unload()}.
   *
   * @throws TapeException.IllegalRequest if {@code from} is empty, {@code to} is full or either
   *     address does not exist
   */
  void move(int from, int to) throws TapeException;

  /** The drive at data transfer element {@code address}. */
  TapeDrive drive(int address) throws TapeException;

  /**
   * How many bytes a cartridge of {@code type} holds in this library: its native capacity (the LTO
   * specification's figure) unless the library says otherwise — a virtual library scales its
   * cartridges down. Capacity estimates from an inventory are built on it.
   */
  default long capacityOf(CartridgeType type) throws TapeException {
    return type.nativeCapacityBytes();
  }
}
