/**
 * Tape in normal operation: packs staged on the node's disk, written to cartridges by pool in
 * streaming batches (the governor), copies journalled with barcode, tape file and block, recalls in
 * tape order, and the state that lets a killed node resume.
 */
package dev.strata.node.tape;
