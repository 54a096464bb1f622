package dev.strata.node.tape;

import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;

/**
 * One piece of a pack on a cartridge, as the node reports it to the center's catalog: a whole pack,
 * or the part of a spanned one that this cartridge holds.
 *
 * @param tenant the pack's tenant
 * @param pack the pack
 * @param pool the media pool of the cartridge
 * @param library the library (as the node names it) that holds the cartridge
 * @param barcode the cartridge
 * @param file the tape file number of the piece (0 is the label)
 * @param block the logical block (object) number where that tape file begins
 * @param offset where in the pack the piece starts
 * @param length the piece's length
 * @param packLength the whole pack's length
 */
public record TapeCopy(
    TenantId tenant,
    PackId pack,
    String pool,
    String library,
    String barcode,
    int file,
    long block,
    long offset,
    long length,
    long packLength) {

  String encode() {
    return String.join(
        " ",
        "piece",
        tenant.value(),
        pack.value(),
        pool,
        library,
        barcode,
        Integer.toString(file),
        Long.toString(block),
        Long.toString(offset),
        Long.toString(length),
        Long.toString(packLength));
  }

  static TapeCopy decode(String line) {
    String[] f = line.split(" ");
    if (f.length != 11 || !f[0].equals("piece")) {
      throw new IllegalArgumentException("not a tape copy record: " + line);
    }
    return new TapeCopy(
        TenantId.of(f[1]),
        PackId.of(f[2]),
        f[3],
        f[4],
        f[5],
        Integer.parseInt(f[6]),
        Long.parseLong(f[7]),
        Long.parseLong(f[8]),
        Long.parseLong(f[9]),
        Long.parseLong(f[10]));
  }
}
