package dev.strata.pool.restore;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.TargetId;
import dev.strata.pool.catalog.CopyLocation;
import dev.strata.pool.catalog.PackHash;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A copy a restore could read a pack from, with what is known about reading it: where it lies, how
 * its target measured (empty when unmeasured) and how its data center is reached.
 *
 * @param copyId the catalog's copy id
 * @param verified read back intact at least once
 * @param rank the target's place in the ranked pool (1 is best)
 * @param onTape where on a cartridge, for copies on tape
 */
public record SourceCopy(
    long copyId,
    PackHash pack,
    long bytes,
    TargetId target,
    DataCenterId dataCenter,
    NetworkLink link,
    MediaClass mediaClass,
    boolean verified,
    int rank,
    Optional<CopyLocation.OnTape> onTape,
    OptionalLong readBytesPerSecond,
    OptionalLong latencyMicros) {

  public SourceCopy {
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(mediaClass, "mediaClass");
    Objects.requireNonNull(onTape, "onTape");
    Objects.requireNonNull(readBytesPerSecond, "readBytesPerSecond");
    Objects.requireNonNull(latencyMicros, "latencyMicros");
    if (mediaClass == MediaClass.TAPE && onTape.isEmpty()) {
      throw new IllegalArgumentException("a copy on tape has a place on a cartridge");
    }
  }

  public boolean isTape() {
    return mediaClass == MediaClass.TAPE;
  }
}
