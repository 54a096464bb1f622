package dev.strata.tape;

import java.util.Optional;

/**
 * One element of a library and what it holds.
 *
 * @param type the kind of element
 * @param address its element address (0-65535, unique within the library)
 * @param cartridge the volume tag of the cartridge in it, empty when the element is empty or holds
 *     a cartridge without a readable label
 * @param full whether a cartridge is in it (a cartridge may be present without a barcode)
 */
public record Element(ElementType type, int address, Optional<Barcode> cartridge, boolean full) {
  public Element {
    if (address < 0 || address > 0xFFFF) {
      throw new IllegalArgumentException("element address must be within 0..65535");
    }
    if (cartridge.isPresent() && !full) {
      throw new IllegalArgumentException("an element with a barcode is full");
    }
  }

  public static Element empty(ElementType type, int address) {
    return new Element(type, address, Optional.empty(), false);
  }

  public static Element holding(ElementType type, int address, Barcode barcode) {
    return new Element(type, address, Optional.of(barcode), true);
  }
}
