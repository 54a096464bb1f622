package dev.strata.controlcenter.infrastructure.embedded;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.DomainFailure;
import dev.strata.controlcenter.application.IssuedEnrolmentToken;
import dev.strata.controlcenter.application.NodeService;
import dev.strata.controlcenter.application.PoolService;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.pool.NodeName;
import dev.strata.pool.UnknownIdentityException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * Lets the embedded default's storage node enrol: at every start where the launcher runs that node
 * ({@link StrataConfig#embeddedNode}) and it has not enrolled yet, issues a one-time enrolment
 * token for data center {@code local} and writes it to {@code <data dir>/node-enrolment-token},
 * readable by its owner only, for the launcher to hand to the node. A token issued at an earlier
 * start and never used simply expires. Once the node is enrolled, a token file left behind is
 * removed. The token never reaches the log.
 */
@Singleton
@Startup
@DependsOn("EmbeddedPool")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedNodeToken {
  public static final String FILE = "node-enrolment-token";
  private static final Logger LOG = Logger.getLogger(EmbeddedNodeToken.class.getName());

  @Inject StrataConfig config;
  @Inject NodeService nodes;
  @Inject PoolService pool;

  @PostConstruct
  void provide() {
    if (config.embeddedNode().isEmpty()) {
      return;
    }
    NodeName node = config.embeddedNode().get();
    Path file = config.dataDir().resolve(FILE);
    try {
      if (nodes.isEnrolled(Caller.SYSTEM, node)) {
        Files.deleteIfExists(file);
        return;
      }
      if (!hasLocal()) {
        LOG.warning(
            () ->
                "no data center '"
                    + EmbeddedPool.LOCAL
                    + "' for the local storage node "
                    + node
                    + " to enrol in; run the server with --no-node, or create it");
        return;
      }
      IssuedEnrolmentToken t = nodes.issueEnrolmentToken(Caller.SYSTEM, EmbeddedPool.LOCAL);
      write(file, t.text());
      LOG.info(
          () ->
              "issued a one-time enrolment token for the local storage node "
                  + node
                  + " in "
                  + file
                  + " (readable by its owner only)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the local node's enrolment token to " + file, e);
    }
  }

  private boolean hasLocal() {
    try {
      pool.dataCenter(Caller.SYSTEM, EmbeddedPool.LOCAL);
      return true;
    } catch (DomainFailure e) {
      if (e.rule() instanceof UnknownIdentityException) {
        return false;
      }
      throw e;
    }
  }

  private static void write(Path file, String token) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp =
        Files.createTempFile(
            file.getParent(),
            FILE,
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, token + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
