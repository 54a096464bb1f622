/**
 * Tape drivers chosen by URI scheme: the registry that opens any library ({@link
 * dev.strata.tape.drivers.TapeLibraries}), the provider SPI each driver implements, and the
 * settings a library is opened with.
 */
package dev.strata.tape.drivers;
