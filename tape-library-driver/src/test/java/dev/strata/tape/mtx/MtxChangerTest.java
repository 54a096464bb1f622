package dev.strata.tape.mtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mtx changer driver against golden transcripts, replayed strictly. */
class MtxChangerTest {
  private static List<Transcript.Entry> transcript(String name) throws Exception {
    return Transcript.read(Path.of("src/test/resources/mtx/" + name + ".transcript"));
  }

  private static MtxChanger changer(String device, ReplayRunner runner) {
    return new MtxChanger(device, runner, Map.of());
  }

  private static Element at(List<Element> inv, int address) {
    return inv.stream().filter(e -> e.address() == address).findFirst().orElseThrow();
  }

  @Test
  void readsALibraryWithEmptyDrivesAndMailSlots() throws Exception {
    ReplayRunner r = new ReplayRunner(transcript("two-drives-empty"));
    List<Element> inv = changer("/dev/sg3", r).inventory();
    assertThat(r.finished()).isTrue();
    assertThat(inv).hasSize(1 + 2 + 24).extracting(Element::address).isSorted();
    assertThat(at(inv, 100)).isEqualTo(Element.empty(ElementType.DATA_TRANSFER, 100));
    assertThat(at(inv, 1001).cartridge()).contains(Barcode.of("STR000L9"));
    assertThat(at(inv, 1021).type()).isEqualTo(ElementType.IMPORT_EXPORT);
    assertThat(at(inv, 1024).cartridge()).contains(Barcode.of("CLN001CU"));
    assertThat(inv.stream().filter(Element::full).count()).isEqualTo(9);
  }

  @Test
  void readsLoadedDrivesAndWhereTheyCameFrom() throws Exception {
    String out = transcript("loaded-drives").get(0).result().stdout();
    MtxStatus s = MtxStatus.parse(out);
    assertThat(s.element(100).orElseThrow().cartridge()).contains(Barcode.of("STR002L9"));
    assertThat(s.element(101).orElseThrow().cartridge()).contains(Barcode.of("STR004L9"));
    assertThat(s.loadedFrom()).containsExactly(Map.entry(100, 1003));
    assertThat(s.element(1003).orElseThrow().full()).isFalse();
  }

  @Test
  void cartridgesWithoutLabelsAreFullWithoutABarcode() throws Exception {
    MtxStatus s = MtxStatus.parse(transcript("missing-barcodes").get(0).result().stdout());
    assertThat(s.element(1002).orElseThrow())
        .satisfies(
            e -> {
              assertThat(e.full()).isTrue();
              assertThat(e.cartridge()).isEmpty();
            });
    assertThat(s.element(1021).orElseThrow().full()).isTrue();
    assertThat(s.element(100).orElseThrow().cartridge()).isEqualTo(Optional.empty());
    assertThat(s.loadedFrom()).containsEntry(100, 1004);
  }

  @Test
  void readsALargeLibrary() throws Exception {
    MtxStatus s = MtxStatus.parse(transcript("large-library").get(0).result().stdout());
    assertThat(s.elements()).hasSize(1 + 12 + 500);
    assertThat(s.elements().stream().filter(e -> e.type() == ElementType.IMPORT_EXPORT))
        .hasSize(20);
    assertThat(s.loadedFrom()).hasSize(4).containsEntry(103, 1028).containsEntry(109, 1070);
    assertThat(s.element(1480).orElseThrow().cartridge()).contains(Barcode.of("A00480L8"));
  }

  /**
   * A transcript recorded through real mtx and the kernel's sg driver (against the VTL's changer
   * served as a SCSI device; see the file's header): 4 drives, 400 slots, 16 mail slots.
   */
  @Test
  void drivesALargeLibraryAsRecordedThroughRealMtx() throws Exception {
    List<Transcript.Entry> recorded = transcript("vtl-large-library");
    MtxStatus before = MtxStatus.parse(recorded.get(0).result().stdout());
    assertThat(before.elements()).hasSize(1 + 4 + 416);
    assertThat(before.elements().stream().filter(e -> e.type() == ElementType.IMPORT_EXPORT))
        .hasSize(16);
    assertThat(at(before.elements(), 1005).cartridge()).contains(Barcode.of("LRG004L8"));
    assertThat(at(before.elements(), 1400).cartridge()).isEmpty();

    ReplayRunner r = new ReplayRunner(recorded);
    MtxChanger c = changer("/dev/sg4", r);
    c.move(1005, 100); // load 5 0
    c.move(1007, 1401); // transfer 7 401: into the first mail slot
    c.move(100, 1005); // unload 5 0
    List<Element> after = c.inventory();
    assertThat(r.finished()).isTrue();
    assertThat(at(after, 1401).type()).isEqualTo(ElementType.IMPORT_EXPORT);
    assertThat(at(after, 1401).cartridge()).contains(Barcode.of("LRG006L8"));
    assertThat(at(after, 1005).cartridge()).contains(Barcode.of("LRG004L8"));
    assertThat(at(after, 1007).full()).isFalse();
    assertThat(at(after, 100).full()).isFalse();
    MtxStatus loaded = MtxStatus.parse(recorded.get(2).result().stdout());
    assertThat(loaded.loadedFrom()).containsExactly(Map.entry(100, 1005));
  }

  @Test
  void movesIssueTheRightMtxCommandsAndQuoteTheChangerWhenItFails() throws Exception {
    ReplayRunner r = new ReplayRunner(transcript("moves"));
    MtxChanger c = changer("/dev/sg3", r);
    c.move(1001, 100); // load 1 0
    c.move(100, 1001); // unload 1 0
    c.move(1002, 1009); // transfer 2 9
    assertThatThrownBy(() -> c.move(1004, 101))
        .isInstanceOf(TapeException.HardwareError.class)
        .hasMessageContaining("mtx load 4 1 on /dev/sg3 failed (exit 1)")
        .hasMessageContaining("Sense Key=Hardware Error");
    assertThat(r.finished()).isTrue();
  }

  @Test
  void refusesImpossibleMovesWithoutAskingTheChangerToTry() throws Exception {
    List<Transcript.Entry> status = transcript("two-drives-empty");
    MtxChanger c =
        changer(
            "/dev/sg3",
            new ReplayRunner(List.of(status.get(0), status.get(0), status.get(0), status.get(0))));
    assertThatThrownBy(() -> c.move(1010, 100)).hasMessageContaining("element 1010 is empty");
    assertThatThrownBy(() -> c.move(1001, 1002)).hasMessageContaining("element 1002 is full");
    assertThatThrownBy(() -> c.move(1001, 5000)).hasMessageContaining("no element 5000");
    assertThatThrownBy(() -> c.drive(100)).hasMessageContaining("no drive device is configured");
  }

  @Test
  void replayIsStrictAboutTheCommands() throws Exception {
    ReplayRunner r = new ReplayRunner(transcript("two-drives-empty"));
    assertThatThrownBy(() -> r.run(List.of("mtx", "-f", "/dev/sg9", "status")))
        .hasMessageContaining("expected [mtx, -f, /dev/sg3, status]");
  }

  @Test
  void outputItCannotReadIsAnErrorNamingTheLine() {
    assertThatThrownBy(
            () ->
                MtxStatus.parse(
                    "  Storage Changer /dev/sg0:1 Drives, 1 Slots ( 0 Import/Export )\nDrive 0 is on fire\n"))
        .isInstanceOf(MtxException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(
            () ->
                MtxStatus.parse(
                    "  Storage Changer /dev/sg0:2 Drives, 1 Slots ( 0 Import/Export )\nData Transfer Element 0:Empty\n      Storage Element 1:Empty\n"))
        .hasMessageContaining("announces 2 drives");
  }

  @Test
  void recordsWhatItRunsInTheFormatReplayReads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rec.transcript");
    CommandRunner fake = cmd -> new CommandRunner.Result(3, "out line\n", "err one\nerr two\n");
    new RecordingRunner(fake, file).run(List.of("mt", "-f", "/dev/nst0", "status"));
    List<Transcript.Entry> back = Transcript.read(file);
    assertThat(back)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.command()).containsExactly("mt", "-f", "/dev/nst0", "status");
              assertThat(e.result())
                  .isEqualTo(new CommandRunner.Result(3, "out line\n", "err one\nerr two\n"));
            });
    assertThat(Files.readString(file)).startsWith("$ mt -f /dev/nst0 status\n= 3\n> out line\n");
  }

  @Test
  void theProcessRunnerRunsRealCommands() throws Exception {
    CommandRunner.Result r =
        new ProcessRunner(10).run(List.of("sh", "-c", "echo out; echo err >&2; exit 4"));
    assertThat(r).isEqualTo(new CommandRunner.Result(4, "out\n", "err\n"));
  }

  @Test
  void printsAnInventoryAsMtxDoesSoItParsesBack() throws Exception {
    MtxStatus read = MtxStatus.parse(transcript("loaded-drives").get(0).result().stdout());
    String printed = MtxStatusFormat.format("/dev/sg3", read.elements());
    MtxStatus again = MtxStatus.parse(printed);
    assertThat(again.elements()).isEqualTo(read.elements());
    assertThat(printed)
        .startsWith("  Storage Changer /dev/sg3:2 Drives, 24 Slots ( 4 Import/Export )\n");
  }

  /**
   * The inspector's output is real mtx's, line for line, for the states the recording holds without
   * a loaded drive (mtx pads volume tags with the spaces the changer sent; trailing spaces aside).
   */
  @Test
  void printsAnInventoryAsRealMtxDid() throws Exception {
    List<Transcript.Entry> recorded = transcript("vtl-large-library");
    for (int entry : new int[] {0, 6}) {
      String real = recorded.get(entry).result().stdout();
      String printed = MtxStatusFormat.format("/dev/sg4", MtxStatus.parse(real).elements());
      assertThat(printed.lines().map(String::stripTrailing).toList())
          .as("state " + entry)
          .isEqualTo(real.lines().map(String::stripTrailing).toList());
    }
  }
}
