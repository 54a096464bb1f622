package dev.strata.tape;

import java.util.Optional;

/**
 * What a drive reports about itself.
 *
 * @param loaded a cartridge is loaded and ready
 * @param volume the loaded cartridge's volume tag, if it has one
 * @param position the current logical object number (blocks and filemarks from the beginning)
 * @param writeProtected the loaded cartridge refuses writes
 * @param worm the loaded cartridge is write-once
 * @param cleaningRequired the drive asks to be cleaned
 */
public record DriveStatus(
    boolean loaded,
    Optional<Barcode> volume,
    long position,
    boolean writeProtected,
    boolean worm,
    boolean cleaningRequired) {}
