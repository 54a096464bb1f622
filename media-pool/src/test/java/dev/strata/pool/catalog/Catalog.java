package dev.strata.pool.catalog;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import dev.strata.pool.TenantId;
import dev.strata.pool.policy.PolicyRef;
import java.time.Instant;

/** Fixtures for catalog tests. */
final class Catalog {
  static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  static final TenantId ACME = TenantId.of("acme");

  private Catalog() {}

  static StorageTarget target(String id, String dc, TargetKind kind) {
    DataCenter d = DataCenter.establish(DataCenterId.of(dc), null, null, NetworkLink.WAN, T0);
    String endpoint =
        switch (kind) {
          case VTL -> "vtl:/srv/" + id;
          case TAPE_LIBRARY -> "mtx:/dev/" + id;
          case DISK -> "file:/srv/" + id;
          case OBJECT_STORE -> "s3://" + id;
        };
    return StorageTarget.register(
        TargetId.of(id), d, kind, null, endpoint, null, null, TargetState.ACTIVE, T0);
  }

  static String hex(int n) {
    return String.format("%064x", n);
  }

  static BackupSet set() {
    return BackupSet.create(
        BackupSetId.of("0f8fad5b-d9cb-469f-a165-70867728950e"),
        ACME,
        null,
        "laptop.example",
        "home",
        PolicyRef.of("gold", 1),
        T0);
  }
}
