package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup removes the spool files of processes that are gone, and only those: the names it did not
 * make, files of processes that still run, of other hosts and of other users stay.
 */
class SpoolFilesTest {
  private static final String HOST = "spool-test-host";

  @TempDir Path dir;
  private Process sleeper;

  @AfterEach
  void stop() throws InterruptedException {
    if (sleeper != null) {
      sleeper.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The identity of a real process of this host, started and still running. */
  private ProcessIdentity running() throws IOException {
    Process p = new ProcessBuilder("sleep", "600").start();
    long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    sleeper = p;
    return new ProcessIdentity(HOST, p.pid(), start);
  }

  /** The identity of a real process of this host that has exited. */
  private ProcessIdentity exited() throws Exception {
    Process p = new ProcessBuilder("sleep", "600").start();
    long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new ProcessIdentity(HOST, p.pid(), start);
  }

  private Path spoolOf(ProcessIdentity who, String hostTag) throws IOException {
    return Files.createFile(
        dir.resolve(
            SpoolFiles.PREFIX
                + hostTag
                + "-"
                + who.pid()
                + "-"
                + who.start()
                + "-12345"
                + SpoolFiles.SUFFIX));
  }

  private SpoolFiles spool() {
    return new SpoolFiles(dir, ProcessIdentity.current(HOST));
  }

  @Test
  void removesTheSpoolFilesOfAProcessThatIsGone() throws Exception {
    ProcessIdentity dead = exited();
    Path left = spoolOf(dead, dead.hostTag());

    assertThat(spool().removeLeftovers()).containsExactly(left);
    assertThat(left).doesNotExist();
  }

  @Test
  void keepsTheSpoolFilesOfARunningProcessAndOfThisOne() throws Exception {
    ProcessIdentity alive = running();
    Path theirs = spoolOf(alive, alive.hostTag());
    SpoolFiles mine = spool();
    Path own = mine.create();

    assertThat(mine.removeLeftovers()).isEmpty();
    assertThat(theirs).exists();
    assertThat(own).exists();
    mine.deleteAll();
    assertThat(own).doesNotExist();
  }

  @Test
  void removesTheFileOfADeadProcessWhosePidANewProcessReuses() throws Exception {
    ProcessIdentity alive = running();
    Assumptions.assumeTrue(alive.start() != 0, "this platform reports no process start times");
    ProcessIdentity earlier = new ProcessIdentity(HOST, alive.pid(), alive.start() - 60_000);
    Path left = spoolOf(earlier, earlier.hostTag());

    assertThat(spool().removeLeftovers()).containsExactly(left);
  }

  @Test
  void keepsFilesOfOtherHostsAndEveryNameItDidNotMake() throws Exception {
    ProcessIdentity dead = exited();
    Path otherHost = spoolOf(dead, new ProcessIdentity("elsewhere", 1, 1).hostTag());
    List<Path> foreign =
        List.of(
            Files.createFile(dir.resolve("strata-pack-6066502460258132974.tmp")),
            Files.createFile(dir.resolve(SpoolFiles.PREFIX + "notes" + SpoolFiles.SUFFIX)),
            Files.createFile(dir.resolve("unrelated.pack")),
            Files.createDirectory(
                dir.resolve(
                    SpoolFiles.PREFIX
                        + dead.hostTag()
                        + "-"
                        + dead.pid()
                        + "-"
                        + dead.start()
                        + "-7"
                        + SpoolFiles.SUFFIX)));

    assertThat(spool().removeLeftovers()).isEmpty();
    assertThat(otherHost).exists();
    foreign.forEach(f -> assertThat(f).exists());
  }

  @Test
  void keepsTheSpoolFileOfAnotherUser() throws Exception {
    ProcessIdentity dead = exited();
    Path theirs = spoolOf(dead, dead.hostTag());
    UserPrincipal nobody;
    try {
      nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(theirs, nobody);
    } catch (IOException | UnsupportedOperationException e) {
      Assumptions.abort("cannot give a file to user nobody here (needs root): " + e);
      return;
    }

    assertThat(spool().removeLeftovers()).isEmpty();
    assertThat(theirs).exists();
  }
}
