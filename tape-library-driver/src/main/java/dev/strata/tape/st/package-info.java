/**
 * The real-hardware drive driver: tape drives through the Linux st driver, every system call going
 * through one {@link dev.strata.tape.st.StDevice} seam so that real runs can be recorded and
 * replayed strictly, in the same transcripts as the changer's mtx commands.
 */
package dev.strata.tape.st;
