package dev.strata.pool.restore;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.TargetId;
import dev.strata.pool.catalog.CopyLocation;
import dev.strata.pool.catalog.MediumId;
import dev.strata.pool.catalog.PackHash;
import java.util.Optional;
import java.util.OptionalLong;

final class RestoreFixtures {
  private RestoreFixtures() {}

  static final long MB = 1_000_000L;

  static PackHash pack(int n) {
    return PackHash.of(String.format("%064x", n));
  }

  static SourceCopy disk(
      long id, PackHash pack, String target, NetworkLink link, long bps, boolean verified) {
    return new SourceCopy(
        id,
        pack,
        100 * MB,
        TargetId.of(target),
        DataCenterId.of(link == NetworkLink.LOCAL ? "local" : "remote"),
        link,
        MediaClass.DISK,
        verified,
        (int) id,
        Optional.empty(),
        bps < 0 ? OptionalLong.empty() : OptionalLong.of(bps),
        OptionalLong.of(1_000));
  }

  static SourceCopy tape(long id, PackHash pack, String cartridge, long file, long bps) {
    return new SourceCopy(
        id,
        pack,
        100 * MB,
        TargetId.of("lib1"),
        DataCenterId.of("dc2"),
        NetworkLink.WAN,
        MediaClass.TAPE,
        true,
        1,
        Optional.of(new CopyLocation.OnTape(MediumId.of(cartridge), file, 0)),
        bps < 0 ? OptionalLong.empty() : OptionalLong.of(bps),
        OptionalLong.empty());
  }
}
