package dev.strata.controlcenter.infrastructure.security;

import dev.strata.controlcenter.application.IdentityService;
import dev.strata.controlcenter.application.Secrets;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
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
 * On a catalog's first start (no principal at all), creates the administrator {@code admin} with a
 * random password and writes that password to {@code <data dir>/initial-admin-password}, readable
 * by its owner only; the log says where the file is, never the password. The file is written before
 * the administrator is committed, so a crash in between only means a new password on the next
 * start.
 */
@Singleton
@Startup
@DependsOn("CatalogMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InitialAdmin {
  public static final String FILE = "initial-admin-password";
  private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());

  @Inject StrataConfig config;
  @Inject IdentityService identity;
  @Inject Secrets secrets;

  @PostConstruct
  void provision() {
    if (identity.hasPrincipals()) {
      return;
    }
    String password = secrets.newPassword();
    Path file = config.dataDir().resolve(FILE);
    write(file, password);
    if (identity.createInitialAdmin(password.toCharArray())) {
      LOG.info(
          () ->
              "created the administrator '"
                  + IdentityService.INITIAL_ADMIN
                  + "'; its password is in "
                  + file
                  + " (readable by its owner only); change it, then delete the file");
    }
  }

  private static void write(Path file, String password) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp =
          Files.createTempFile(
              file.getParent(),
              FILE,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the initial administrator's password to " + file, e);
    }
  }
}
