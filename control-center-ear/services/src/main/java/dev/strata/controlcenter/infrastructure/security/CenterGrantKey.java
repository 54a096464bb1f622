package dev.strata.controlcenter.infrastructure.security;

import dev.strata.controlcenter.application.GrantIssuer;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.format.grant.GrantIssuerKey;
import dev.strata.format.grant.GrantKeyFiles;
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

/**
 * The control center's grant-signing key, {@code <data dir>/grant-key} (readable by its owner
 * only), made on the first start. Several control centers sharing one catalog must share this file
 * too (nodes trust one key).
 */
@ApplicationScoped
public class CenterGrantKey implements GrantIssuer {
  public static final String FILE = "grant-key";

  @Inject StrataConfig config;

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

  /** The key that signs grants. */
  public GrantIssuerKey key() {
    return key;
  }
}
