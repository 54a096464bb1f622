package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.mtx.MtxStatus;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VTL as a standalone server process on loopback, driven over the network and inspected. */
class VtlServerProcessTest {
  @TempDir Path dir;

  @Test
  void aStandaloneServerIsDrivenAndInspectedOverTheNetwork() throws Exception {
    Path lib = dir.resolve("dc2-vtl");
    Process server =
        new ProcessBuilder(
                ChildJvm.command(VtlMain.class, "serve", "--dir", lib.toString(), "--port", "0"))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      Matcher m =
          Pattern.compile("vtl: library 'dc2-vtl' serving at vtl://127\\.0\\.0\\.1:(\\d+) .*")
              .matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      int port = Integer.parseInt(m.group(1));

      try (RemoteTapeLibrary remote = RemoteTapeLibrary.connect("127.0.0.1", port, 5000)) {
        remote.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
        TapeDrive d = remote.drive(VirtualLibrary.FIRST_DRIVE);
        d.load();
        d.writeBlock(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        d.rewind();
        assertThat(d.readBlock(ByteBuffer.allocate(10))).isEqualTo(ReadResult.block(3));
      }

      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exit =
          VtlMain.run(
              new String[] {"status", "--connect", "127.0.0.1:" + port},
              new PrintStream(printed, true, StandardCharsets.UTF_8),
              System.err);
      assertThat(exit).isZero();
      String status = printed.toString(StandardCharsets.UTF_8);
      assertThat(status)
          .startsWith("  Storage Changer dc2-vtl:2 Drives, 28 Slots ( 4 Import/Export )");
      assertThat(status)
          .contains(
              "Data Transfer Element 0:Full (Unknown Storage Element Loaded):VolumeTag = STR000L9");
      assertThat(MtxStatus.parse(status).elements()).hasSize(1 + 2 + 28);
    } finally {
      server.destroyForcibly();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void badUsageIsExplained() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(VtlMain.run(new String[] {"dance"}, System.out, e)).isEqualTo(2);
    assertThat(
            VtlMain.run(
                new String[] {"status", "--dir", dir.resolve("none").toString()}, System.out, e))
        .isEqualTo(1);
    assertThat(VtlMain.run(new String[] {"scsi"}, System.out, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("usage: vtl serve", "no library in", "vtl scsi: --dir is required");
  }

  /** Without TCMU devices configured for it (as on this machine), the SCSI front end says how. */
  @Test
  void theScsiFrontEndExplainsWhatItNeeds() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dev.strata.vtl.scsi.TcmuDevice.discover(Path.of("/sys/class/uio")).isEmpty(),
        "this machine has Strata TCMU devices configured");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    String[] args = {"scsi", "--dir", dir.resolve("lib").toString(), "--units", "dc1"};
    assertThat(VtlMain.run(args, System.out, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no TCMU device is configured with dev_config=strata/dc1/", "docs/operations.md");
  }
}
