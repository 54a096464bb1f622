package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where on its target a copy lies: on tape, a cartridge, the tape file and the block where the pack
 * starts (so a recall can locate without reading from the start); on disk or in an object store,
 * the object key (and the volume, when the target has several).
 */
public sealed interface CopyLocation permits CopyLocation.OnTape, CopyLocation.ByKey {

  /** The medium the copy is on, when known. */
  Optional<MediumId> medium();

  /** A pack on a cartridge: tape file {@code fileNumber}, starting at block {@code blockOffset}. */
  record OnTape(MediumId cartridge, long fileNumber, long blockOffset) implements CopyLocation {
    public OnTape {
      Objects.requireNonNull(cartridge, "cartridge");
      if (fileNumber < 1) {
        throw new InvalidValueException(
            "tapeFileNumber", "a pack lies in tape file 1 or later (file 0 is the label)");
      }
      if (blockOffset < 0) {
        throw new InvalidValueException("tapeBlockOffset", "a block offset is not negative");
      }
    }

    @Override
    public Optional<MediumId> medium() {
      return Optional.of(cartridge);
    }
  }

  /** A pack stored under {@code key}, on {@code volume} when the target has several. */
  record ByKey(ObjectKey key, Optional<MediumId> volume) implements CopyLocation {
    public ByKey {
      Objects.requireNonNull(key, "key");
      volume = volume == null ? Optional.empty() : volume;
    }

    public static ByKey of(String key) {
      return new ByKey(ObjectKey.of(key), Optional.empty());
    }

    @Override
    public Optional<MediumId> medium() {
      return volume;
    }
  }
}
