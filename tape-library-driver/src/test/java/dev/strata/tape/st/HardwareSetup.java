package dev.strata.tape.st;

import dev.strata.tape.TapeDrive;
import dev.strata.tape.mtx.CommandRunner;
import dev.strata.tape.mtx.MtxChanger;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which devices a hardware library consists of: the changer's SCSI generic node and, for each drive
 * element (mtx's numbering: {@code 100 + n}), its st node; and the slot of a WORM cartridge, if the
 * library holds one. Kept beside recorded transcripts as {@code setup.properties}, so a replay
 * builds the driver exactly as the recording did.
 */
record HardwareSetup(
    String changer, Map<Integer, String> drives, OptionalInt wormSlot, String origin) {
  static HardwareSetup read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<Integer, String> drives = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("drive.")) {
        drives.put(Integer.parseInt(key.substring("drive.".length())), p.getProperty(key));
      }
    }
    String worm = p.getProperty("wormSlot");
    return new HardwareSetup(
        p.getProperty("changer"),
        drives,
        worm == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(worm)),
        p.getProperty("origin", ""));
  }

  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("changer", changer);
    p.setProperty("origin", origin);
    drives.forEach((a, d) -> p.setProperty("drive." + a, d));
    wormSlot.ifPresent(w -> p.setProperty("wormSlot", Integer.toString(w)));
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "the devices the transcripts beside this file were recorded with");
    }
  }

  /**
   * The location {@link dev.strata.tape.drivers.TapeLibraries} opens these devices by: {@code
   * mtx:CHANGER?drives=NODE,...}, a drive's place in the list being its mtx number (address - 100).
   */
  java.net.URI location() {
    int last = drives.keySet().stream().mapToInt(Integer::intValue).max().orElse(99);
    java.util.List<String> nodes = new java.util.ArrayList<>();
    for (int a = 100; a <= last; a++) {
      nodes.add(drives.getOrDefault(a, ""));
    }
    return java.net.URI.create(
        "mtx:" + changer + (nodes.isEmpty() ? "" : "?drives=" + String.join(",", nodes)));
  }

  /** The mtx/st driver over these devices, through the given command runner and device calls. */
  MtxChanger library(CommandRunner runner, Function<String, StDevice> devices) {
    Map<Integer, TapeDrive> d = new TreeMap<>();
    drives.forEach((address, node) -> d.put(address, new StDrive(node, devices.apply(node))));
    return new MtxChanger(changer, runner, d);
  }
}
