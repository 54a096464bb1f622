package dev.strata.tape;

import java.util.Arrays;
import java.util.Optional;

/**
 * LTO cartridge types with their native (uncompressed) capacity as the LTO Program specifies it,
 * and the media identifier that ends their barcode labels. WORM cartridges refuse overwriting;
 * cleaning cartridges hold no data.
 */
public enum CartridgeType {
  LTO5(5, 1_500_000_000_000L, "L5", false),
  LTO5_WORM(5, 1_500_000_000_000L, "LV", true),
  LTO6(6, 2_500_000_000_000L, "L6", false),
  LTO6_WORM(6, 2_500_000_000_000L, "LW", true),
  LTO7(7, 6_000_000_000_000L, "L7", false),
  LTO7_WORM(7, 6_000_000_000_000L, "LX", true),
  LTO8(8, 12_000_000_000_000L, "L8", false),
  LTO8_WORM(8, 12_000_000_000_000L, "LY", true),
  LTO9(9, 18_000_000_000_000L, "L9", false),
  LTO9_WORM(9, 18_000_000_000_000L, "LZ", true),
  /** A universal cleaning cartridge. */
  CLEANING(0, 0, "CU", false);

  private final int generation;
  private final long nativeCapacityBytes;
  private final String mediaId;
  private final boolean worm;

  CartridgeType(int generation, long nativeCapacityBytes, String mediaId, boolean worm) {
    this.generation = generation;
    this.nativeCapacityBytes = nativeCapacityBytes;
    this.mediaId = mediaId;
    this.worm = worm;
  }

  /** LTO generation, 0 for a cleaning cartridge. */
  public int generation() {
    return generation;
  }

  /** Native capacity in bytes (decimal units, as the LTO specifications state it). */
  public long nativeCapacityBytes() {
    return nativeCapacityBytes;
  }

  /** The two characters that end an LTO barcode label of this type. */
  public String mediaId() {
    return mediaId;
  }

  public boolean isWorm() {
    return worm;
  }

  public boolean isCleaning() {
    return this == CLEANING;
  }

  /** Whether it can hold backup data. */
  public boolean holdsData() {
    return !isCleaning();
  }

  public static Optional<CartridgeType> byMediaId(String mediaId) {
    return Arrays.stream(values()).filter(t -> t.mediaId.equals(mediaId)).findFirst();
  }
}
