package dev.strata.agent.hostile;

import static dev.strata.agent.hostile.HostileRepository.dir;
import static dev.strata.agent.hostile.HostileRepository.entry;
import static dev.strata.agent.hostile.HostileRepository.file;
import static dev.strata.agent.hostile.HostileRepository.hardlink;
import static dev.strata.agent.hostile.HostileRepository.symlink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.repo.Check;
import dev.strata.agent.repo.Restore;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.TreeEntry;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validly signed snapshot crafted to make restore change something outside its target — by
 * replacing a directory it created with a symlink or a hard link and then applying the directory's
 * mode, owner and times through it, by planting links under restored paths, by disorder and
 * duplicates — changes nothing outside the target, and {@code check} reports such trees.
 */
class RestoreNeverFollowsLinksTest {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final FileTime T0 = FileTime.from(Instant.parse("2020-02-02T02:02:02Z"));

  @TempDir Path dir;
  private Path outside;
  private Path secret;

  @BeforeEach
  void outsideTheTarget() throws Exception {
    outside = Files.createDirectories(dir.resolve("outside"));
    secret = outside.resolve("secret");
    Files.writeString(secret, "do not touch");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(secret, T0);
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwx------"));
    Files.setLastModifiedTime(outside, T0);
  }

  private void assertOutsideUntouched() throws Exception {
    assertThat(Files.readString(secret)).isEqualTo("do not touch");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret, NOFOLLOW)))
        .isEqualTo("rw-------");
    assertThat(Files.getLastModifiedTime(secret, NOFOLLOW)).isEqualTo(T0);
    assertThat(Files.getAttribute(secret, "unix:uid", NOFOLLOW)).isEqualTo(ownUid());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside, NOFOLLOW)))
        .isEqualTo("rwx------");
    assertThat(Files.getLastModifiedTime(outside, NOFOLLOW)).isEqualTo(T0);
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("secret");
    }
  }

  private static int ownUid() {
    return (int) new com.sun.security.auth.module.UnixSystem().getUid();
  }

  /** A directory entry that asks for everything: all permissions, another owner, another time. */
  private static TreeEntry greedyDir(String path) {
    return entry(TreeEntry.Kind.DIRECTORY, path, 07777, 4242, 1_000_000_000L, 0, "", List.of());
  }

  private Restore.Result restore(HostileRepository h, Snapshot s, Path target, boolean overwrite)
      throws Exception {
    try {
      return new Restore(h.reopen(), 2, true).run(s, target, List.of(), overwrite);
    } catch (Exception e) {
      assertOutsideUntouched(); // whatever made the restore fail, nothing outside changed first
      throw e;
    }
  }

  @Test
  void aDirectoryReplacedByASymlinkToAFileNeverChangesThatFile() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      Snapshot s = h.snapshot(List.of(greedyDir("d"), symlink("d", secret.toString())));
      Restore.Result r = restore(h, s, dir.resolve("target"), false);
      assertOutsideUntouched();
      assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("'d'"));
    }
  }

  @Test
  void aDirectoryReplacedByASymlinkToADirectoryNeverChangesThatDirectory() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      Snapshot s = h.snapshot(List.of(greedyDir("e"), symlink("e", outside.toString())));
      Restore.Result r = restore(h, s, dir.resolve("target"), false);
      assertOutsideUntouched();
      assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("'e'"));
    }
  }

  @Test
  void aDirectoryReplacedByAHardLinkNeverChangesTheFileItNames() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId c = h.data("kept as it was");
      Snapshot s =
          h.snapshot(
              List.of(
                  entry(TreeEntry.Kind.FILE, "f", 0600, 0, 1_600_000_000L, 14, "", List.of(c)),
                  greedyDir("g"),
                  hardlink("g", "f")));
      Path target = dir.resolve("target");
      Restore.Result r = restore(h, s, target, false);
      Path f = target.resolve("f");
      assertThat(f).hasContent("kept as it was");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f, NOFOLLOW)))
          .isEqualTo("rw-------");
      assertThat(Files.getAttribute(f, "unix:nlink", NOFOLLOW)).isEqualTo(1);
      assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("'g'"));
    }
  }

  @Test
  void linksPlantedInAnOverwrittenTargetAreNeverFollowed() throws Exception {
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(target.resolve("d"), outside);
    Files.createSymbolicLink(target.resolve("secret"), secret);
    Files.createLink(target.resolve("hard"), secret);
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId c = h.data("pwned");
      Snapshot s =
          h.snapshot(
              List.of(
                  greedyDir("d"),
                  entry(TreeEntry.Kind.FILE, "d/secret", 07777, 4242, 1, 5, "", List.of(c)),
                  entry(TreeEntry.Kind.FILE, "hard", 07777, 4242, 1, 5, "", List.of(c)),
                  entry(TreeEntry.Kind.FILE, "secret", 07777, 4242, 1, 5, "", List.of(c))));
      Restore.Result r = restore(h, s, target, true);
      assertOutsideUntouched();
      assertThat(r.problems()).isEmpty();
      assertThat(Files.isDirectory(target.resolve("d"), NOFOLLOW)).isTrue();
      assertThat(target.resolve("d/secret")).hasContent("pwned");
      assertThat(target.resolve("secret")).hasContent("pwned");
      assertThat(target.resolve("hard")).hasContent("pwned");
    }
  }

  @Test
  void entriesUnderANonDirectoryAreRefused() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId c = h.data("x");
      Snapshot s =
          h.snapshot(
              List.of(
                  file("f", 1, c),
                  file("f/under-a-file", 1, c),
                  hardlink("h", "f"),
                  file("h/under-a-hard-link", 1, c),
                  symlink("s", outside.toString()),
                  greedyDir("s/dir-under-a-symlink"),
                  file("s/under-a-symlink", 1, c)));
      Path target = dir.resolve("target");
      Restore.Result r = restore(h, s, target, false);
      assertOutsideUntouched();
      assertThat(Files.isSymbolicLink(target.resolve("s"))).isTrue();
      assertThat(target.resolve("f")).hasContent("x");
      assertThat(r.problems())
          .anySatisfy(p -> assertThat(p).contains("'f/under-a-file'"))
          .anySatisfy(p -> assertThat(p).contains("'h/under-a-hard-link'"))
          .anySatisfy(p -> assertThat(p).contains("'s/under-a-symlink'"))
          .anySatisfy(p -> assertThat(p).contains("'s/dir-under-a-symlink'"));
    }
  }

  @Test
  void outOfOrderAndDuplicateEntriesAreRefusedAndTheFirstOneStays() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId first = h.data("first");
      BlobId second = h.data("other");
      Snapshot s =
          h.snapshot(
              List.of(
                  dir("a"),
                  file("a/x", 5, first),
                  file("a/x", 5, second),
                  file("b", 5, first),
                  file("a/late", 5, second),
                  dir("c"),
                  file("c/y", 5, first)));
      Path target = dir.resolve("target");
      Restore.Result r = restore(h, s, target, false);
      assertThat(target.resolve("a/x")).hasContent("first");
      assertThat(target.resolve("a/late")).doesNotExist();
      assertThat(target.resolve("b")).hasContent("first");
      assertThat(target.resolve("c/y")).hasContent("first");
      assertThat(r.problems())
          .anySatisfy(p -> assertThat(p).contains("'a/x'").contains("duplicate"))
          .anySatisfy(p -> assertThat(p).contains("'a/late'").contains("order"))
          .hasSize(2);
    }
  }

  @Test
  void checkReportsTreesThatBreakTheRules() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId c = h.data("x");
      h.snapshot(
          List.of(
              dir("a"),
              dir("a"),
              file("b", 1, c),
              file("b/c", 1, c),
              file("a/z", 1, c),
              symlink("l", "../../etc/passwd"),
              hardlink("m", "../outside"),
              file("n/orphan", 1, c),
              file("x/../../escape", 1, c)));
      Check.Result r = new Check(h.reopen(), 2).run(false);
      assertThat(r.ok()).isFalse();
      assertThat(r.problems())
          .anySatisfy(p -> assertThat(p).contains("/a'").contains("duplicate"))
          .anySatisfy(p -> assertThat(p).contains("/b/c'").contains("not a directory"))
          .anySatisfy(p -> assertThat(p).contains("/a/z'").contains("order"))
          .anySatisfy(p -> assertThat(p).contains("/m'").contains("hard link"))
          .anySatisfy(p -> assertThat(p).contains("/n/orphan'"))
          .anySatisfy(p -> assertThat(p).contains("x/../../escape"));
    }
  }
}
