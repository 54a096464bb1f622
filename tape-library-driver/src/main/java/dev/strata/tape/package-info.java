/**
 * Tape libraries as SCSI media changers (SMC) and sequential-access drives (SSC) see them. Today
 * this package holds the vocabulary that every implementation shares — volume tags ({@link
 * Barcode}), cartridge types ({@link CartridgeType}) and element addresses — so that the VTL
 * emulator and, later, the mtx/st driver describe libraries the same way.
 */
package dev.strata.tape;
