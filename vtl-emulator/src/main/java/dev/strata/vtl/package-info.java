/**
 * A virtual tape library: a directory that describes a library (drives, storage slots, mail slots,
 * cartridges) in {@value dev.strata.vtl.LibraryConfig#FILE_NAME}. Today it provides the
 * configuration and the inventory a changer would report; the drives with persistent cartridges,
 * the timing model, fault injection and the network server arrive with issue 4.
 */
package dev.strata.vtl;
