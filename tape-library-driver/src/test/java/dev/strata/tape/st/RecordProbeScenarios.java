package dev.strata.tape.st;

import dev.strata.tape.Barcode;
import dev.strata.tape.DriveLeases;
import dev.strata.tape.Element;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.mtx.CommandRunner;
import dev.strata.tape.mtx.MtxChanger;
import dev.strata.tape.mtx.ProcessRunner;
import dev.strata.tape.mtx.RecordingRunner;
import dev.strata.tape.probe.TapeProbeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Records {@link ProbeScenarios} against live devices, one transcript per scenario, plus the {@code
 * setup.properties} a replay needs:
 *
 * <pre>
 *   java -cp TEST-CLASSPATH dev.strata.tape.st.RecordProbeScenarios \
 *       OUT-DIR CHANGER-SG DRIVE-ADDRESS=ST-NODE... ORIGIN
 * </pre>
 *
 * The library is opened through the registry ({@code TapeLibraries}) like any library, its host
 * devices recording every mtx command and st call. Before each scenario, unrecorded, every drive is
 * unloaded and every cartridge goes back to the slot it started in. Exit code 0 when every scenario
 * behaved as it says, live.
 */
public final class RecordProbeScenarios {
  private RecordProbeScenarios() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Map<Integer, String> drives = new TreeMap<>();
    for (int i = 2; i < args.length - 1; i++) {
      String[] kv = args[i].split("=", 2);
      drives.put(Integer.parseInt(kv[0]), kv[1]);
    }
    HardwareSetup setup =
        new HardwareSetup(args[1], drives, OptionalInt.empty(), args[args.length - 1]);
    setup.write(out.resolve("setup.properties"));
    Map<Barcode, Integer> home = new HashMap<>();
    for (Element e : plain(setup, new HashMap<>()).inventory()) {
      e.cartridge().ifPresent(b -> home.put(b, e.address()));
    }
    int failures = 0;
    for (ProbeScenarios s : ProbeScenarios.values()) {
      reset(setup, home);
      Path transcript = out.resolve(s.transcript());
      Files.deleteIfExists(transcript);
      List<LinuxStDevice> opened = new ArrayList<>();
      HostDevices recording = recording(transcript, opened);
      TapeSettings settings =
          TapeSettings.defaults()
              .withHost(recording)
              .withLeases(new DriveLeases())
              .withFaultInjection();
      try (TapeLibraries.Opened lib = TapeLibraries.discovered().open(setup.location(), settings)) {
        TapeProbeReport r = s.run(lib);
        System.out.println(s + ": " + r.detail());
      } catch (Exception | AssertionError e) {
        failures++;
        System.out.println(s + " FAILED: " + e);
        e.printStackTrace(System.out);
      } finally {
        for (LinuxStDevice d : opened) {
          d.close(); // not recorded: st allows one open at a time, and the next reset needs them
        }
      }
    }
    reset(setup, home);
    System.out.println(failures == 0 ? "all probe scenarios recorded" : failures + " failed");
    System.exit(failures == 0 ? 0 : 1);
  }

  private static HostDevices recording(Path transcript, List<LinuxStDevice> opened) {
    CommandRunner runner = new RecordingRunner(new ProcessRunner(600), transcript);
    return new HostDevices() {
      @Override
      public CommandRunner changer() {
        return runner;
      }

      @Override
      public StDevice drive(String node) {
        LinuxStDevice d = new LinuxStDevice(node);
        opened.add(d);
        return new RecordingStDevice(d, transcript);
      }

      @Override
      public boolean exists(String node) {
        return Files.exists(Path.of(node));
      }
    };
  }

  private static MtxChanger plain(HardwareSetup setup, Map<String, LinuxStDevice> devices) {
    return setup.library(
        new ProcessRunner(600), n -> devices.computeIfAbsent(n, LinuxStDevice::new));
  }

  /** Unloads every drive and moves every cartridge back to where it started. */
  private static void reset(HardwareSetup setup, Map<Barcode, Integer> home) throws Exception {
    Map<String, LinuxStDevice> devices = new HashMap<>();
    MtxChanger plain = plain(setup, devices);
    for (int drive : setup.drives().keySet()) {
      plain.drive(drive).unload();
    }
    boolean moved = true;
    while (moved) {
      moved = false;
      List<Element> inv = plain.inventory();
      for (Element e : inv) {
        Integer h = e.cartridge().map(home::get).orElse(null);
        if (h != null
            && h != e.address()
            && inv.stream().noneMatch(x -> x.address() == h && x.full())) {
          plain.move(e.address(), h);
          moved = true;
          break;
        }
      }
    }
    for (LinuxStDevice d : devices.values()) {
      d.close();
    }
  }
}
