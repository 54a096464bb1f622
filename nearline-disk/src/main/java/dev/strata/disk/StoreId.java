package dev.strata.disk;

import java.util.UUID;

/**
 * The identity of one pack store, chosen at random when the store is initialised and kept in its
 * {@link StoreMarker}. Two locations holding the same id hold the same store (a copied or
 * re-mounted disk); a location whose id changed holds another store.
 */
public record StoreId(UUID value) {
  public StoreId {
    if (value == null) {
      throw new IllegalArgumentException("a store id is a UUID");
    }
  }

  /** Parses the canonical form: 36 lower-case characters, hex digits and hyphens. */
  public static StoreId parse(String text) {
    if (text == null
        || !text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw new IllegalArgumentException("'" + text + "' is not a store id (a lower-case UUID)");
    }
    return new StoreId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
