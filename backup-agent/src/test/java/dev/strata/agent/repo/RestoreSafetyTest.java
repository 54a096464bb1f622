package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.disk.PackStores;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.TreeCodec;
import dev.strata.format.repo.TreeEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot whose tree tries to escape the target — {@code ..}, absolute paths, writing through a
 * symlink it planted, hard links to files outside — restores nothing outside the target. (More
 * attacks, on metadata, order and duplicates, are in {@code dev.strata.agent.hostile}.)
 */
class RestoreSafetyTest {
  @TempDir Path dir;

  private static TreeEntry entry(
      TreeEntry.Kind kind, String path, String target, List<BlobId> chunks, long size) {
    return new TreeEntry(kind, path, 0644, 0, 0, 1_600_000_000L, 0, size, 0, target, chunks);
  }

  @Test
  void aHostileManifestNeverWritesOutsideTheTarget() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path target = dir.resolve("target");
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      byte[] content = "payload".getBytes(StandardCharsets.UTF_8);
      BlobSealer sealer = new BlobSealer(repo);
      BlobId data = sealer.id(content, 0, content.length);
      List<BlobId> chunks = List.of(data);
      // In tree order, so that each attack meets the rule it is about, not the order rule.
      List<TreeEntry> tree =
          List.of(
              entry(TreeEntry.Kind.FILE, "../escape.txt", "", chunks, 7),
              entry(TreeEntry.Kind.FILE, "/absolute.txt", "", chunks, 7),
              entry(TreeEntry.Kind.FILE, "good.txt", "", chunks, 7),
              entry(TreeEntry.Kind.HARDLINK, "hard", "../outside/secret", List.of(), 0),
              entry(TreeEntry.Kind.FILE, "ok/../../dotdot.txt", "", chunks, 7),
              entry(TreeEntry.Kind.SYMLINK, "planted", outside.toString(), List.of(), 0),
              entry(TreeEntry.Kind.FILE, "planted/through-link.txt", "", chunks, 7));
      byte[] plain = TreeCodec.encode(tree);
      BlobId treeId = sealer.id(plain, 0, plain.length);
      try (Packer packer = new Packer(repo, dir, new HashMap<>())) {
        BlobSealer.Sealed d = sealer.seal(BlobType.DATA, data, content, 0, content.length);
        packer.add(BlobType.DATA, data, d.sealed(), d.rawLength(), d.compression());
        BlobSealer.Sealed t = sealer.seal(BlobType.TREE, treeId, plain, 0, plain.length);
        packer.add(BlobType.TREE, treeId, t.sealed(), t.rawLength(), t.compression());
        packer.flush();
      }
      Snapshot s =
          new Snapshot(
              repo.config().id(),
              1,
              Instant.now(),
              "h",
              "u",
              List.of("/x"),
              Optional.empty(),
              List.of(treeId),
              5,
              35);
      repo.putSnapshot(s);

      Restore.Result r =
          new Restore(Repos.open(store.store()), 2, false).run(s, target, List.of(), false);

      assertThat(target.resolve("good.txt")).hasContent("payload");
      // A link is restored as a link (it may point anywhere); nothing is written through it.
      assertThat(Files.isSymbolicLink(target.resolve("planted"))).isTrue();
      try (Stream<Path> s2 = Files.list(outside)) {
        assertThat(s2).isEmpty();
      }
      assertThat(dir.resolve("escape.txt")).doesNotExist();
      assertThat(dir.resolve("dotdot.txt")).doesNotExist();
      assertThat(Path.of("/absolute.txt")).doesNotExist();
      assertThat(r.problems())
          .anySatisfy(p -> assertThat(p).contains("../escape.txt"))
          .anySatisfy(p -> assertThat(p).contains("/absolute.txt"))
          .anySatisfy(p -> assertThat(p).contains("ok/../../dotdot.txt"))
          .anySatisfy(p -> assertThat(p).contains("planted/through-link.txt"))
          .anySatisfy(p -> assertThat(p).contains("hard"));
    }
  }
}
