package dev.strata.agent.posix;

/**
 * What {@code statx} says of a file system entry (never following a symbolic link).
 *
 * @param mode file type and permission bits, as {@code st_mode}
 * @param blocks 512-byte blocks allocated
 */
public record Stat(
    int mode, int uid, int gid, long inode, long device, long size, long blocks, int links) {
  private static final int S_IFMT = 0170000;

  public boolean isDirectory() {
    return (mode & S_IFMT) == 0040000;
  }

  public boolean isRegularFile() {
    return (mode & S_IFMT) == 0100000;
  }

  public boolean isSymbolicLink() {
    return (mode & S_IFMT) == 0120000;
  }

  /** Bytes allocated on the device. */
  public long allocated() {
    return blocks * 512;
  }
}
