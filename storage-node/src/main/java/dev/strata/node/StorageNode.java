package dev.strata.node;

import dev.strata.disk.PackStores;
import dev.strata.disk.S3Credentials;
import dev.strata.disk.StoreProbe;
import dev.strata.disk.StoreSettings;
import dev.strata.format.grant.GrantKeyFiles;
import dev.strata.format.repo.PublicKey;
import dev.strata.node.access.GrantChecker;
import dev.strata.node.api.DataResource;
import dev.strata.node.api.HealthResource;
import dev.strata.node.api.MetricsText;
import dev.strata.node.api.NodeResource;
import dev.strata.node.api.NodeServer;
import dev.strata.node.api.PackResource;
import dev.strata.node.api.ProblemMapper;
import dev.strata.node.api.Tls;
import dev.strata.node.packs.PackCopier;
import dev.strata.node.packs.PackReceiver;
import dev.strata.node.packs.TenantPacks;
import dev.strata.node.tape.NodeLibrary;
import dev.strata.node.tape.StreamingGovernor;
import dev.strata.node.tape.TapeLibraryOpener;
import dev.strata.node.tape.TapeService;
import dev.strata.node.tape.TapeStaging;
import dev.strata.node.targets.Target;
import dev.strata.node.targets.TargetKind;
import dev.strata.node.targets.TargetProber;
import dev.strata.tape.probe.ProbeCartridges;
import dev.strata.tape.probe.TapeProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A running storage node: the one place its parts are put together — the lock on its data
 * directory, its stores (landing, staging, targets) opened through {@link PackStores}, its tape
 * libraries, the services, the periodic probes and the HTTP listener.
 */
public final class StorageNode implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StorageNode.class.getName());

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final NodeServer server;
  private final TapeService tape;
  private final GrantChecker grants;
  private final Map<String, Target> targets;
  private final TargetProber prober;
  private final List<Runnable> afterProbes;

  private StorageNode(
      NodeServer server,
      TapeService tape,
      GrantChecker grants,
      Map<String, Target> targets,
      TargetProber prober,
      List<Runnable> afterProbes,
      List<AutoCloseable> resources) {
    this.server = server;
    this.tape = tape;
    this.grants = grants;
    this.targets = targets;
    this.prober = prober;
    this.afterProbes = afterProbes;
    this.resources.addAll(resources);
  }

  /** From now on, accepts grants signed by {@code issuer} too (the key enrolment gave). */
  public void trust(PublicKey issuer) {
    grants.trust(issuer);
  }

  /** The node's targets, in the order they were configured (the first disk first). */
  public Collection<Target> targets() {
    return targets.values();
  }

  public TargetProber prober() {
    return prober;
  }

  /** Runs {@code action} after every round of scheduled probes. */
  public void afterProbes(Runnable action) {
    afterProbes.add(action);
  }

  public URI uri() {
    return server.uri();
  }

  public TapeService tape() {
    return tape;
  }

  public static StorageNode start(NodeConfig c, Optional<S3Credentials> s3, Clock clock)
      throws IOException {
    List<AutoCloseable> open = new ArrayList<>();
    try {
      Files.createDirectories(c.data());
      FileChannel lockChannel =
          FileChannel.open(
              c.data().resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = lockChannel.tryLock();
      if (lock == null) {
        lockChannel.close();
        throw new IOException("another node is running on " + c.data());
      }
      open.add(lockChannel);
      SecureRandom random = new SecureRandom();
      StoreSettings settings = StoreSettings.defaults(clock, random);
      if (s3.isPresent()) {
        settings = settings.withS3Credentials(s3.get());
      }
      Map<String, Target> targets = new LinkedHashMap<>();
      PackStores.Opened landingStore = null;
      for (NodeConfig.Named d : c.disks()) {
        Path dir = Path.of(d.location()).toAbsolutePath();
        // A new or empty directory becomes a store; a store is opened; anything else is refused.
        PackStores.Opened o = PackStores.initialise(dir.toUri(), settings);
        open.add(o);
        targets.put(
            d.name(),
            new Target(
                d.name(), TargetKind.DISK, dir.toString(), Optional.of(o), Optional.empty()));
        if (landingStore == null) {
          landingStore = o;
        }
      }
      if (landingStore == null) {
        landingStore = PackStores.initialise(c.data().resolve("packs").toUri(), settings);
        open.add(landingStore);
      }
      for (NodeConfig.Named b : c.s3()) {
        PackStores.Opened o = PackStores.initialise(URI.create(b.location()), settings);
        open.add(o);
        URI u = URI.create(b.location());
        targets.put(
            b.name(),
            new Target(
                b.name(),
                TargetKind.OBJECT_STORE,
                "s3://" + u.getHost() + (u.getPath() == null ? "" : u.getPath()),
                Optional.of(o),
                Optional.empty()));
      }
      List<Runnable> afterProbes = new CopyOnWriteArrayList<>();
      TapeLibraryOpener opener = TapeLibraryOpener.defaults();
      List<NodeLibrary> libraries = new ArrayList<>();
      for (NodeConfig.Named v : c.vtls()) {
        NodeLibrary l = opener.open(v.name(), v.location());
        libraries.add(l);
        targets.put(
            v.name(),
            new Target(
                v.name(),
                TargetKind.ofLibrary(l.location()),
                l.location(),
                Optional.empty(),
                Optional.of(l)));
      }
      PackStores.Opened staging =
          PackStores.initialise(c.data().resolve("staging").toUri(), settings);
      open.add(staging);
      TapeService tape =
          new TapeService(
              libraries,
              new TapeStaging(staging.store(), c.data().resolve("tape").resolve("tasks")),
              c.data().resolve("tape"),
              new StreamingGovernor(c.tape().batchBytes(), c.tape().deadline()),
              c.tape().blockSize(),
              c.tape().minFeedRate(),
              clock,
              random);
      open.add(tape);

      List<PublicKey> keys = new ArrayList<>();
      for (Path k : c.centerKeys()) {
        keys.add(GrantKeyFiles.readPublic(k));
      }
      GrantChecker grants =
          new GrantChecker(keys, c.dataCenter(), c.node(), c.maxGrantLifetime(), clock);
      TenantPacks landing = new TenantPacks(landingStore.store());
      PackReceiver receiver = new PackReceiver(landing);
      HttpClient.Builder http = HttpClient.newBuilder();
      if (!c.tlsTrust().isEmpty()) {
        http.sslContext(Tls.trusting(c.tlsTrust()));
      }
      PackCopier copier = new PackCopier(landing, http.build());
      TargetProber prober =
          new TargetProber(
              new StoreProbe(random, 1 << 20),
              new TapeProbe(random, clock, 4 << 20, 256 << 10, ProbeCartridges.DEFAULT),
              clock);

      ResourceConfig app = new ResourceConfig();
      app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
      app.register(new ProblemMapper());
      app.register(new PackResource(grants, landing, receiver));
      app.register(
          new DataResource(grants, landing, copier, tape, targets, c.data().resolve("recall")));
      app.register(new NodeResource(grants, c.dataCenter(), c.node(), targets, prober, tape));
      app.register(
          new HealthResource(new MetricsText(c.node(), receiver, landingStore.metrics(), tape)));
      Optional<javax.net.ssl.SSLContext> tls =
          c.tls().isPresent()
              ? Optional.of(
                  Tls.context(c.tls().get().certificateChain(), c.tls().get().privateKey()))
              : Optional.empty();
      NodeServer server = NodeServer.start(app, c.address(), c.port(), tls, 16);
      open.add(server);
      tape.start();
      if (!c.probeInterval().isZero()) {
        ScheduledExecutorService probes =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "target-probes");
                  t.setDaemon(true);
                  return t;
                });
        long every = c.probeInterval().toMillis();
        probes.scheduleWithFixedDelay(
            () -> {
              targets.values().forEach(prober::probe);
              for (Runnable r : afterProbes) {
                try {
                  r.run();
                } catch (RuntimeException e) {
                  LOG.warning("after a round of probes: " + e);
                }
              }
            },
            0,
            every,
            TimeUnit.MILLISECONDS);
        open.add(probes::shutdownNow);
      }
      StorageNode node = new StorageNode(server, tape, grants, targets, prober, afterProbes, open);
      LOG.info(
          "storage node " + c.node() + " of data center " + c.dataCenter() + " at " + server.uri());
      return node;
    } catch (IOException | RuntimeException e) {
      closeAll(open);
      throw e;
    }
  }

  private static void closeAll(List<AutoCloseable> open) {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        LOG.fine("while closing: " + e);
      }
    }
  }

  @Override
  public void close() {
    closeAll(resources);
  }
}
