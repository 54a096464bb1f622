package dev.strata.vtl.scsi;

/**
 * One SCSI logical unit of the VTL: executes a command descriptor block and answers. {@code
 * dataOut} holds what the initiator sent with the command (empty for commands without data-out).
 * Called by one transport thread at a time.
 */
public interface LogicalUnit {
  ScsiResponse execute(byte[] cdb, byte[] dataOut);
}
