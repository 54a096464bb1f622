package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.disk.PackStore;
import dev.strata.disk.PackStores;
import dev.strata.format.repo.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ledger lets a check without the passphrase see: a deleted pack or snapshot, a rollback
 * (with an anchor), a broken chain; and that backups and {@code check --repair} mend what a crash
 * or an older version left, without losing a snapshot.
 */
class LedgerTest {
  @TempDir Path dir;
  private PackStores.Opened opened;
  private PackStore store;
  private Path src;

  @BeforeEach
  void repository() throws Exception {
    opened = Repos.store(dir.resolve("repo"));
    store = opened.store();
    Repos.init(store);
    src = Files.createDirectories(dir.resolve("src"));
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws IOException {
    opened.close();
  }

  private Backup.Result backup(int seed) throws Exception {
    Files.write(src.resolve("f" + seed), Trees.random(300_000, seed));
    return Repos.backup(Repos.open(store), dir).run(List.of(src), new BackupStats());
  }

  private Check.Result keyless() throws Exception {
    return keyless(Check.Anchor.NONE);
  }

  private Check.Result keyless(Check.Anchor anchor) throws Exception {
    return new Check(Repository.openKeyless(store), 2).expecting(anchor).run(false);
  }

  private static PackName snapshotName(Backup.Result r) {
    return PackName.of(Repository.SNAPSHOTS + r.id().hex());
  }

  @Test
  void everyCommitExtendsTheLedgerAndAKeylessCheckOfItIsClean() throws Exception {
    backup(1);
    backup(2);
    Backup.Result third = backup(3);
    assertThat(third.snapshot().sequence()).isEqualTo(3);
    Check.Result r = keyless();
    assertThat(r.problems()).isEmpty();
    assertThat(r.notes()).isEmpty();
    assertThat(r.ledger().generation()).isEqualTo(3);
    assertThat(r.ledger().highestSequence()).isEqualTo(3);
    assertThat(r.ledger().head()).matches("[0-9a-f]{64}");
  }

  @Test
  void aKeylessCheckNamesADeletedPack() throws Exception {
    backup(1);
    backup(2);
    PackInfo victim = Repository.listInfo(store, "data/").get(0);
    store.delete(victim.name());

    Check.Result r = keyless();
    assertThat(r.problems())
        .anySatisfy(p -> assertThat(p).contains(victim.name().value(), "is missing (deleted)"));
  }

  @Test
  void aKeylessCheckNamesADeletedNewestSnapshot() throws Exception {
    backup(1);
    Backup.Result newest = backup(2);
    store.delete(snapshotName(newest));

    Check.Result r = keyless();
    assertThat(r.problems())
        .anySatisfy(
            p -> assertThat(p).contains(newest.id().shortForm(), "sequence 2", "is missing"));
  }

  @Test
  void aRollbackOfTheNewestSnapshotAndItsLedgerGenerationFailsAgainstTheAnchor() throws Exception {
    backup(1);
    Check.Result before = keyless();
    Backup.Result newest = backup(2);
    Check.Result anchor = keyless();
    store.delete(snapshotName(newest));
    store.delete(Ledger.nameOf(2));

    // Consistent in itself: only an outside record of where the ledger stood can tell.
    assertThat(keyless().problems()).isEmpty();
    assertThat(keyless(new Check.Anchor(OptionalLong.of(2), Optional.empty())).problems())
        .singleElement()
        .asString()
        .contains("rolled back", "highest snapshot sequence is 1");
    assertThat(
            keyless(new Check.Anchor(OptionalLong.empty(), Optional.of(anchor.ledger().head())))
                .problems())
        .singleElement()
        .asString()
        .contains("rolled back or replaced", anchor.ledger().head());
    // An older anchor still holds.
    assertThat(
            keyless(new Check.Anchor(OptionalLong.of(1), Optional.of(before.ledger().head())))
                .problems())
        .isEmpty();
  }

  @Test
  void aSnapshotWhoseLedgerGenerationWasNotWrittenIsReportedAndRecordedByTheNextBackup()
      throws Exception {
    backup(1);
    Backup.Result unrecorded = backup(2);
    // As if the process was killed between writing the snapshot and the ledger generation.
    store.delete(Ledger.nameOf(2));
    assertThat(keyless().problems())
        .singleElement()
        .asString()
        .contains(unrecorded.id().shortForm(), "not recorded in the ledger");

    Backup.Result next = backup(3);
    assertThat(next.snapshot().sequence()).isEqualTo(3);
    assertThat(keyless().problems()).isEmpty();
    assertThat(new Check(Repos.open(store), 2).run(true).problems()).isEmpty();
  }

  @Test
  void aRepositoryThatKeepsALedgerButLostItFailsTheCheck() throws Exception {
    backup(1);
    backup(2);
    for (PackName n : Repository.list(store, Ledger.LEDGER)) {
      store.delete(n);
    }
    assertThat(keyless().problems())
        .anySatisfy(p -> assertThat(p).contains("keeps a ledger, but none is readable"));
  }

  @Test
  void aDamagedGenerationBreaksTheChainBackupsGoOnAndRepairWritesACheckpoint() throws Exception {
    backup(1);
    backup(2);
    backup(3);
    byte[] junk = Trees.random(500, 9);
    Repos.open(store).putObject(Ledger.nameOf(2), junk);
    assertThat(keyless().problems())
        .anySatisfy(p -> assertThat(p).contains("ledger generation 2 is damaged", "broken"));

    Backup.Result fourth = backup(4);
    assertThat(fourth.snapshot().sequence()).isEqualTo(4);

    Repair.Result repaired = new Repair(Repos.open(store)).run();
    assertThat(repaired.actions()).anySatisfy(a -> assertThat(a).contains("checkpoint"));
    assertThat(repaired.left()).isEmpty();
    Check.Result after = keyless();
    assertThat(after.problems()).isEmpty();
    assertThat(after.ledger().highestSequence()).isEqualTo(4);
    assertThat(Repos.open(store).snapshots()).hasSize(4);
  }

  @Test
  void repairGivesSnapshotsThatShareASequenceNumberNewOnesAndLosesNone() throws Exception {
    Backup.Result first = backup(1);
    // Two backups of an older version at once: both took sequence 2 and recorded nothing.
    Repository repo = Repos.open(store);
    Snapshot s = first.snapshot();
    List<Snapshot> twins =
        List.of(
            new Snapshot(
                s.repository(),
                2,
                s.time().plusSeconds(10),
                "h1",
                "u",
                s.paths(),
                Optional.empty(),
                s.trees(),
                s.files(),
                s.bytes()),
            new Snapshot(
                s.repository(),
                2,
                s.time().plusSeconds(20),
                "h2",
                "u",
                s.paths(),
                Optional.empty(),
                s.trees(),
                s.files(),
                s.bytes()));
    for (Snapshot t : twins) {
      repo.writeSnapshotObject(t);
    }
    Check.Result broken = keyless();
    assertThat(broken.problems()).anySatisfy(p -> assertThat(p).contains("share sequence 2"));

    Repair.Result repaired = new Repair(Repos.open(store)).run();
    assertThat(repaired.actions())
        .anySatisfy(a -> assertThat(a).contains("shared sequence 2", "with sequence 3"));

    assertThat(keyless().problems()).isEmpty();
    assertThat(new Check(Repos.open(store), 2).run(true).problems()).isEmpty();
    List<Repository.StoredSnapshot> all = Repos.open(store).snapshots();
    assertThat(all).extracting(x -> x.snapshot().sequence()).containsExactly(1L, 2L, 3L);
    assertThat(all).extracting(x -> x.snapshot().host()).containsExactly("host", "h1", "h2");
    // Nothing of the re-sequenced one is lost: it restores like the one it was made from.
    Path original = dir.resolve("original");
    new Restore(Repos.open(store), 2, false).run(first.snapshot(), original, List.of(), false);
    Path copy = dir.resolve("copy");
    new Restore(Repos.open(store), 2, false).run(all.get(2).snapshot(), copy, List.of(), false);
    assertThat(Trees.describe(Trees.restored(copy, src)))
        .isEqualTo(Trees.describe(Trees.restored(original, src)));
  }

  @Test
  void aCommitWaitsForTheLockAnotherCommitHolds() throws Exception {
    Repository holder = Repos.open(store);
    Repository waiter =
        Repos.open(store)
            .withLocking(
                Locking.defaults("this-host", java.time.Clock.systemUTC())
                    .withPatience(Duration.ofMinutes(1)));
    RepositoryLock held = RepositoryLock.acquire(holder, holder.locking());
    Thread release =
        new Thread(
            () -> {
              try {
                // Released once the waiter's attempt is visible: its lock object came and went.
                while (Repository.list(store, RepositoryLock.LOCKS).size() < 2) {
                  Thread.onSpinWait();
                }
                held.close();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    release.start();
    Backup.Result r = Repos.backup(waiter, dir).run(List.of(backupSource()), new BackupStats());
    release.join();
    assertThat(r.snapshot().sequence()).isEqualTo(1);
  }

  private Path backupSource() throws IOException {
    Files.write(src.resolve("w"), Trees.random(1000, 5));
    return src;
  }
}
