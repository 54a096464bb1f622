/**
 * A virtual tape library behind the tape SPI: a directory that describes a library (drives, storage
 * slots, mail slots, cartridges) in {@value dev.strata.vtl.LibraryConfig#FILE_NAME}, with
 * persistent crash-safe cartridges, an LTO timing model, fault injection, a network server and
 * client, and the {@code vtl:} driver of the tape registry ({@link dev.strata.vtl.VtlProvider}).
 */
package dev.strata.vtl;
