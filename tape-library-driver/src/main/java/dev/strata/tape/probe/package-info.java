/**
 * A real data-path probe for any tape library: a cartridge set aside for probing is mounted in a
 * free drive, written, read back and verified, and returned, with the library's capacity read off
 * its inventory. Free of any control-center code: the control center and storage nodes call it.
 */
package dev.strata.tape.probe;
