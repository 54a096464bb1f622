/**
 * Linux system calls reached through JNA, shared by the st drive driver and the VTL's SCSI front
 * end.
 */
package dev.strata.tape.linux;
