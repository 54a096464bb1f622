package dev.strata.tape.st;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.mtx.MtxChanger;
import dev.strata.tape.mtx.ProcessRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Records the conformance suite against live devices, one transcript per test, plus the {@code
 * setup.properties} a replay needs:
 *
 * <pre>
 *   java -cp TEST-CLASSPATH dev.strata.tape.st.RecordHardwareConformance \
 *       OUT-DIR CHANGER-SG DRIVE-ADDRESS=ST-NODE... ORIGIN
 * </pre>
 *
 * e.g. {@code out /dev/sg3 100=/dev/nst0 101=/dev/nst1 "HP MSL2024, LTO-6"}. The library must hold
 * at least two data cartridges in storage slots and an empty slot; every data cartridge in it is
 * erased. A WORM cartridge in a storage slot (found by its barcode's media identifier) is written
 * to, once: use a fresh one for each recording. {@code
 * tape-library-driver/recording/record-in-qemu.sh} runs it against the VTL served as SCSI devices
 * in a virtual machine. Exit code 0 when every test passed live.
 */
public final class RecordHardwareConformance {
  private RecordHardwareConformance() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: RecordHardwareConformance OUT-DIR CHANGER-SG ADDRESS=ST-NODE... ORIGIN");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Map<Integer, String> drives = new TreeMap<>();
    for (int i = 2; i < args.length - 1; i++) {
      String[] kv = args[i].split("=", 2);
      drives.put(Integer.parseInt(kv[0]), kv[1]);
    }
    OptionalInt worm = OptionalInt.empty();
    for (Element e : new MtxChanger(args[1], new ProcessRunner(600), Map.of()).inventory()) {
      if (worm.isEmpty()
          && e.type() == ElementType.STORAGE
          && e.cartridge().flatMap(Barcode::cartridgeType).filter(t -> t.isWorm()).isPresent()) {
        worm = OptionalInt.of(e.address());
      }
    }
    HardwareSetup setup = new HardwareSetup(args[1], drives, worm, args[args.length - 1]);
    setup.write(out.resolve("setup.properties"));
    LiveHardwareConformance.setup = setup;
    LiveHardwareConformance.out = out;
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(LiveHardwareConformance.class))
            .build(),
        summary);
    PrintWriter w = new PrintWriter(System.out, true);
    summary.getSummary().printTo(w);
    summary.getSummary().printFailuresTo(w, 30);
    System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
  }
}
