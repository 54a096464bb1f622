package dev.strata.agent.cli;

import dev.strata.agent.center.CenterPackStore;
import dev.strata.disk.PackStore;
import dev.strata.disk.PackStores;
import java.io.IOException;
import java.util.Optional;

/** The store a command works on: a local or S3 pack store, or the control center's repository. */
final class StoreHandle implements AutoCloseable {
  private final PackStore store;
  private final Optional<PackStores.Opened> local;
  private final Optional<CenterPackStore> center;

  private StoreHandle(
      PackStore store, Optional<PackStores.Opened> local, Optional<CenterPackStore> center) {
    this.store = store;
    this.local = local;
    this.center = center;
  }

  static StoreHandle of(PackStores.Opened opened) {
    return new StoreHandle(opened.store(), Optional.of(opened), Optional.empty());
  }

  static StoreHandle of(CenterPackStore center) {
    return new StoreHandle(center, Optional.empty(), Optional.of(center));
  }

  PackStore store() {
    return store;
  }

  /** The control center's repository, when the command talks to one ({@code --server}). */
  Optional<CenterPackStore> center() {
    return center;
  }

  @Override
  public void close() throws IOException {
    if (local.isPresent()) {
      local.get().close();
    }
  }
}
