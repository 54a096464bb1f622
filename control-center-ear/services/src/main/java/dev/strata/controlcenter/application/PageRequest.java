package dev.strata.controlcenter.application;

/**
 * A page of a listing in key order: at most {@code limit} items whose key comes after {@code after}
 * ({@code null}: from the start). Keyset paging stays correct and cheap however long the listing
 * and however it changes between pages.
 */
public record PageRequest(String after, int limit) {
  public static final int MAX = 1000;

  public PageRequest {
    if (limit < 1 || limit > MAX) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }
}
