package dev.strata.tape.st;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.TapeLibraryConformance;
import dev.strata.tape.mtx.MtxChanger;
import dev.strata.tape.mtx.ProcessRunner;
import dev.strata.tape.mtx.RecordingRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The conformance suite against live devices — a real library, or the VTL served as SCSI devices —
 * recording every changer command and drive call of each test into {@code <out>/<test>.transcript}.
 * Not a unit test (its name keeps Surefire away): {@link RecordHardwareConformance} runs it where
 * the devices are. Before each test, unrecorded, every drive is unloaded, every cartridge goes back
 * to the slot it started in and the data cartridges are erased, so each test starts on the library
 * the suite asks for.
 */
public class LiveHardwareConformance extends TapeLibraryConformance {
  static HardwareSetup setup;
  static Path out;
  private static Map<Barcode, Integer> home;

  private final List<StDevice> opened = new ArrayList<>();
  private MtxChanger recording;

  @BeforeEach
  void freshLibrary(TestInfo test) throws Exception {
    reset();
    Path transcript = out.resolve(test.getTestMethod().orElseThrow().getName() + ".transcript");
    Files.deleteIfExists(transcript);
    recording =
        setup.library(
            new RecordingRunner(new ProcessRunner(600), transcript),
            node -> {
              LinuxStDevice d = new LinuxStDevice(node);
              opened.add(d);
              return new RecordingStDevice(d, transcript);
            });
  }

  @AfterEach
  void releaseDevices() throws Exception {
    for (StDevice d : opened) {
      d.close(); // not recorded: st allows one open at a time, and the next reset needs them
    }
  }

  private static void reset() throws Exception {
    Map<String, LinuxStDevice> devices = new HashMap<>();
    MtxChanger plain =
        setup.library(new ProcessRunner(600), n -> devices.computeIfAbsent(n, LinuxStDevice::new));
    for (int drive : setup.drives().keySet()) {
      plain.drive(drive).unload();
    }
    List<Element> inventory = plain.inventory();
    if (home == null) {
      home = new HashMap<>();
      for (Element e : inventory) {
        e.cartridge().ifPresent(b -> home.put(b, e.address()));
      }
    }
    Element misplaced = misplaced(inventory);
    while (misplaced != null) {
      plain.move(misplaced.address(), home.get(misplaced.cartridge().orElseThrow()));
      misplaced = misplaced(plain.inventory());
    }
    int firstDrive = setup.drives().keySet().iterator().next();
    LinuxStDevice device = devices.get(setup.drives().get(firstDrive));
    for (Map.Entry<Barcode, Integer> e : home.entrySet()) {
      boolean data = e.getKey().cartridgeType().map(t -> t.holdsData() && !t.isWorm()).orElse(true);
      if (!data) {
        continue;
      }
      plain.move(e.getValue(), firstDrive);
      plain.drive(firstDrive).load();
      device.op(MtOp.MTERASE, 1);
      plain.drive(firstDrive).unload();
      plain.move(firstDrive, e.getValue());
    }
    for (LinuxStDevice d : devices.values()) {
      d.close();
    }
  }

  /** A cartridge away from its home slot while that slot is empty, if there is one. */
  private static Element misplaced(List<Element> inventory) {
    for (Element e : inventory) {
      Integer h = e.cartridge().map(home::get).orElse(null);
      if (h != null
          && h != e.address()
          && inventory.stream().noneMatch(x -> x.address() == h && x.full())) {
        return e;
      }
    }
    return null;
  }

  @Override
  protected TapeLibrary library() {
    return recording;
  }

  @Override
  protected OptionalInt wormSlot() {
    return setup.wormSlot();
  }
}
