package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.strata.disk.PackStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file with several names that cannot be read is left out under every name: no hard link entry
 * names a file that is not in the tree (which the tree's rules, and so {@code check}, refuse).
 */
class HardLinksOfUnreadableFilesTest {
  @TempDir Path dir;

  @Test
  void noHardLinkNamesAFileThatCouldNotBeRead() throws Exception {
    assumeFalse(
        new com.sun.security.auth.module.UnixSystem().getUid() == 0,
        "root reads every file: needs an ordinary user");
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("a"), "secret");
    Files.createLink(src.resolve("b"), src.resolve("a"));
    Files.writeString(src.resolve("c"), "readable");
    Files.setPosixFilePermissions(src.resolve("a"), PosixFilePermissions.fromString("---------"));
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup.Result r = Repos.backup(repo, dir).run(List.of(src), new BackupStats());
      assertThat(r.warnings()).hasSize(2);
      Check.Result check = new Check(Repos.open(store.store()), 2).run(false);
      assertThat(check.problems()).isEmpty();
    } finally {
      Files.setPosixFilePermissions(src.resolve("a"), PosixFilePermissions.fromString("rw-------"));
    }
  }
}
