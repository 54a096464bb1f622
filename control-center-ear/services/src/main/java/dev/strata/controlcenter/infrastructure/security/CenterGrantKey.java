package dev.strata.controlcenter.infrastructure.security;

import dev.strata.controlcenter.application.GrantIssuer;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.format.grant.Grant;
import dev.strata.format.grant.GrantIssuerKey;
import dev.strata.format.grant.GrantKeyFiles;
import dev.strata.format.grant.GrantOperation;
import dev.strata.format.grant.Grants;
import dev.strata.format.repo.PublicKey;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.NodeName;
import dev.strata.pool.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The control center's grant-signing key, {@code <data dir>/grant-key} (readable by its owner
 * only), made on the first start. Several control centers sharing one catalog must share this file
 * too (nodes trust one key).
 */
@ApplicationScoped
public class CenterGrantKey implements GrantIssuer {
  public static final String FILE = "grant-key";

  @Inject StrataConfig config;
  @Inject Clock clock;

  private GrantIssuerKey key;

  @PostConstruct
  void load() {
    Path file = config.dataDir().resolve(FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Path tmp =
            Files.createTempFile(
                file.getParent(),
                FILE,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
            tmp,
            GrantKeyFiles.privateKeyText(GrantIssuerKey.generate(new SecureRandom())),
            StandardCharsets.US_ASCII);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          Files.delete(tmp);
        }
      }
      key = GrantKeyFiles.readPrivate(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the grant key " + file, e);
    }
  }

  @Override
  public String publicKeyText() {
    return GrantKeyFiles.publicKeyText(key.publicKey());
  }

  @Override
  public String issue(
      TenantId tenant,
      String session,
      DataCenterId dataCenter,
      NodeName node,
      Set<Operation> operations,
      List<String> signers,
      Duration lifetime) {
    Instant now = clock.instant();
    EnumSet<GrantOperation> ops = EnumSet.noneOf(GrantOperation.class);
    operations.forEach(o -> ops.add(GrantOperation.valueOf(o.name())));
    return Grants.issue(
        new Grant(
            key.keyId(),
            now,
            now.plus(lifetime),
            tenant == null ? "" : tenant.value(),
            session,
            dataCenter.value(),
            node == null ? "" : node.value(),
            ops,
            signers.stream().map(h -> PublicKey.of(HexFormat.of().parseHex(h))).toList()),
        key);
  }
}
