package dev.strata.tape.st;

import dev.strata.tape.mtx.ProcessRunner;
import dev.strata.tape.mtx.RecordingRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Records {@link EarlyWarningScenario} and {@link SpanningScenario} against live devices whose
 * cartridges hold a few blocks:
 *
 * <pre>
 *   java -cp TEST-CLASSPATH dev.strata.tape.st.RecordTinyCartridges OUT-DIR CHANGER-SG ADDRESS=ST-NODE ORIGIN
 * </pre>
 *
 * writes {@code early-warning.transcript} and {@code early-warning.properties} into OUT-DIR; then
 * records {@link SpanningScenario} (the library needs two cartridges) as {@code spanning.*}.
 */
public final class RecordTinyCartridges {
  private RecordTinyCartridges() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    String[] drive = args[2].split("=", 2);
    HardwareSetup setup =
        new HardwareSetup(
            args[1], Map.of(Integer.parseInt(drive[0]), drive[1]), OptionalInt.empty(), args[3]);
    setup.write(out.resolve("early-warning.properties"));
    Path transcript = out.resolve("early-warning.transcript");
    Files.deleteIfExists(transcript);
    EarlyWarningScenario.Outcome o =
        EarlyWarningScenario.run(
            setup.library(
                new RecordingRunner(new ProcessRunner(600), transcript),
                node -> new RecordingStDevice(new LinuxStDevice(node), transcript)));
    System.out.println(
        "early warning: "
            + o.written()
            + " blocks written, warning from block "
            + o.firstWarning());
    setup.write(out.resolve("spanning.properties"));
    Path spanning = out.resolve("spanning.transcript");
    Files.deleteIfExists(spanning);
    SpanningScenario.run(
        setup.library(
            new RecordingRunner(new ProcessRunner(600), spanning),
            node -> new RecordingStDevice(new LinuxStDevice(node), spanning)));
    System.out.println("spanning: a pack across two cartridges read back");
  }
}
