package dev.strata.controlcenter.infrastructure.embedded;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.DataCenterDraft;
import dev.strata.controlcenter.application.PoolService;
import dev.strata.controlcenter.application.TargetDraft;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.disk.PackStores;
import dev.strata.disk.StoreSettings;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.VirtualLibrary;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The embedded default: when the catalog holds no data center at all, provisions data center {@code
 * local} with one VTL and one disk target under the data directory, so that a newcomer sees a
 * working pool at once. When the launcher runs the local storage node ({@link
 * StrataConfig#embeddedNode}), that node's VTL and disk are the local targets instead, and the
 * center provisions the data center alone ({@link EmbeddedNodeToken} lets the node enrol).
 * Idempotent and crash-safe: the data center and its targets are created in one transaction and the
 * check is "no data center exists", so an interrupted first start provisions on the next one.
 */
@Singleton
@Startup
@DependsOn("CatalogMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedPool {
  public static final DataCenterId LOCAL = DataCenterId.of("local");
  public static final TargetId LOCAL_VTL = TargetId.of("local-vtl");
  public static final TargetId LOCAL_DISK = TargetId.of("local-disk");
  private static final Logger LOG = Logger.getLogger(EmbeddedPool.class.getName());

  @Inject StrataConfig config;
  @Inject PoolService pool;
  @Inject Clock clock;
  @Inject RandomGenerator random;

  @PostConstruct
  void provision() {
    if (!config.provisionEmbedded() || !pool.isEmpty()) {
      return;
    }
    DataCenterDraft local =
        new DataCenterDraft(LOCAL, "Local data center", "this host", NetworkLink.LOCAL);
    if (config.embeddedNode().isPresent()) {
      // The launcher runs this data center's storage node: its disk and VTL (under the data
      // directory's node/) are the local targets, registered by its heartbeats; the center keeps
      // no devices of its own there, so no directory is used by both (decision 0027).
      pool.provision(Caller.SYSTEM, local, List.of());
      LOG.info(
          () ->
              "provisioned data center 'local'; its storage node "
                  + config.embeddedNode().get()
                  + " registers its VTL and disk");
      return;
    }
    Path vtl = config.dataDir().resolve("vtl").resolve(LOCAL_VTL.value());
    try {
      VirtualLibrary.create(vtl, LibraryConfig.embeddedDefault(LOCAL_VTL.value()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the embedded VTL in " + vtl, e);
    }
    Path disk = initialiseStore(config.dataDir().resolve("disk").resolve(LOCAL_DISK.value()));
    pool.provision(
        Caller.SYSTEM,
        local,
        List.of(
            new TargetDraft(
                LOCAL_VTL,
                LOCAL,
                TargetKind.VTL,
                "Local virtual tape library",
                "vtl:" + vtl.toUri().getPath(),
                null,
                null,
                TargetState.ACTIVE),
            new TargetDraft(
                LOCAL_DISK,
                LOCAL,
                TargetKind.DISK,
                "Local disk",
                disk.toUri().toString(),
                null,
                null,
                TargetState.ACTIVE)));
    LOG.info(() -> "provisioned data center 'local' (a VTL and a disk) under " + config.dataDir());
  }

  /** The embedded disk is a pack store from the start: probes and data only ever open it. */
  private Path initialiseStore(Path dir) {
    try {
      PackStores.initialise(dir.toUri(), StoreSettings.defaults(clock, random)).close();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot initialise the embedded disk store in " + dir, e);
    }
  }
}
