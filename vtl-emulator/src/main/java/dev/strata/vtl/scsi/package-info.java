/**
 * The VTL as SCSI devices: its changer as an SMC medium changer and its drives as SSC tape drives,
 * served to the Linux kernel through TCMU, so mtx, the st driver and third-party backup software
 * use a Strata VTL as they would a hardware library.
 */
package dev.strata.vtl.scsi;
