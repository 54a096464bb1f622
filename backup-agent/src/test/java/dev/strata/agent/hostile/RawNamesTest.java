package dev.strata.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.ChildJvm;
import dev.strata.agent.Trees;
import dev.strata.agent.cli.Cli;
import dev.strata.agent.cli.StrataCommand;
import dev.strata.agent.repo.Backup;
import dev.strata.agent.repo.BackupStats;
import dev.strata.agent.repo.Repos;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.Restore;
import dev.strata.disk.PackStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linux file names are bytes. Names that are not UTF-8 — which Java's own file names turn into
 * U+FFFD, so that two of them collide — are backed up and restored byte for byte, link targets too,
 * and so are UTF-8 names when the process runs in the C locale.
 */
class RawNamesTest {
  @TempDir Path dir;

  /** The raw bytes of a path, as the kernel sees them (Java's own decoding loses them). */
  static byte[] raw(Path p) {
    String u = p.toAbsolutePath().toUri().getRawPath();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == '%') {
        o.write(Integer.parseInt(u.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        o.write(c);
      }
    }
    byte[] b = o.toByteArray();
    return b.length > 1 && b[b.length - 1] == '/' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
  }

  /** The child of {@code dir} whose name is exactly these bytes. */
  static Path child(Path dir, byte[] name) {
    StringBuilder u = new StringBuilder(dir.toAbsolutePath().toUri().toString());
    if (u.charAt(u.length() - 1) != '/') {
      u.append('/');
    }
    for (byte b : name) {
      u.append('%').append(HexFormat.of().toHexDigits(b));
    }
    return Path.of(URI.create(u.toString()));
  }

  static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Every path below {@code root} as hex of its raw bytes, with its kind, content or link target
   * (as hex too).
   */
  static Map<String, String> rawTree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    walk(root, "", out);
    return out;
  }

  private static void walk(Path dir, String prefix, Map<String, String> out) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        byte[] full = raw(p);
        byte[] parent = raw(dir);
        byte[] name = java.util.Arrays.copyOfRange(full, parent.length + 1, full.length);
        String key = prefix + HexFormat.of().formatHex(name);
        if (Files.isSymbolicLink(p)) {
          Path t = Files.readSymbolicLink(p);
          out.put(key, "link " + HexFormat.of().formatHex(rawRelative(t)));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(key, "dir");
          walk(p, key + "/", out);
        } else {
          out.put(key, "file " + HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
      }
    }
  }

  /** The bytes of a relative path (resolved against "/" and stripped again). */
  private static byte[] rawRelative(Path p) {
    byte[] b = raw(Path.of("/").resolve(p));
    return java.util.Arrays.copyOfRange(b, 1, b.length);
  }

  /** A tree whose names and link targets are not all UTF-8. */
  static Path source(Path root) throws IOException {
    Path src = Files.createDirectories(root.resolve("src"));
    Files.writeString(child(src, bytes("a\u00ffb")), "one");
    Files.writeString(child(src, bytes("a\u00feb")), "two");
    Path cafe = Files.createDirectories(child(src, bytes("caf\u00e9")));
    Files.writeString(child(cafe, bytes("x\u0080")), "three");
    Files.writeString(src.resolve("ünï"), "four");
    Path relative =
        child(src, bytes("t\u00fe"))
            .getFileName()
            .resolve("..")
            .resolve(child(src, bytes("a\u00ffb")).getFileName());
    Files.createSymbolicLink(child(src, bytes("l\u00ff")), relative);
    Files.createSymbolicLink(
        child(src, bytes("abs")), Path.of(URI.create("file:///t%FE/a%FFb%C3")));
    return src;
  }

  @Test
  void namesThatAreNotUtf8AreBackedUpAndRestoredByteForByte() throws Exception {
    Path src = source(dir);
    assertThat(rawTree(src)).hasSize(7);
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup.Result b = Repos.backup(repo, dir).run(List.of(src), new BackupStats());
      assertThat(b.warnings()).isEmpty();
      Path target = dir.resolve("target");
      Restore.Result r =
          new Restore(Repos.open(store.store()), 2, false)
              .run(b.snapshot(), target, List.of(), false);
      assertThat(r.problems()).isEmpty();
      assertThat(rawTree(Trees.restored(target, src))).isEqualTo(rawTree(src));

      Cli.Run ls = new Cli(dir.resolve("repo"), new String(Repos.PASS)).run("ls", "latest");
      assertThat(ls.out()).contains("/a\\xffb", "/a\\xfeb", "/caf\\xe9/x\\x80", "/ünï");
    }
  }

  @Test
  void namesSurviveABackupAndRestoreInTheCLocale() throws Exception {
    Path src = source(dir);
    Path repo = dir.resolve("repo");
    Path target = dir.resolve("target");
    assertThat(runInCLocale("init", "--repo", repo.toString())).isZero();
    assertThat(runInCLocale("backup", "--repo", repo.toString(), src.toString())).isZero();
    assertThat(
            runInCLocale("restore", "--repo", repo.toString(), "latest", "--target", "" + target))
        .isZero();
    assertThat(rawTree(Trees.restored(target, src))).isEqualTo(rawTree(src));
  }

  private int runInCLocale(String... args) throws Exception {
    List<String> command = new ArrayList<>(ChildJvm.command(StrataCommand.class, args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("LANG");
    pb.environment().remove("LANGUAGE");
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("STRATA_PASSWORD", new String(Repos.PASS));
    Path log = dir.resolve("child.log");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process child = pb.start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    if (child.exitValue() != 0) {
      System.err.println(Files.readString(log, StandardCharsets.ISO_8859_1));
    }
    return child.exitValue();
  }
}
