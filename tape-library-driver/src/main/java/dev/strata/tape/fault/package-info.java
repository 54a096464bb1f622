/**
 * Cross-cutting behaviour for any tape library, as wrappers around the SPI: a base every wrapper
 * extends, and fault injection usable on every implementation, the real driver included.
 */
package dev.strata.tape.fault;
