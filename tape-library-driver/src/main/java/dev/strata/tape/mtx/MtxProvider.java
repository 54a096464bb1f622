package dev.strata.tape.mtx;

import dev.strata.tape.TapeDrive;
import dev.strata.tape.drivers.TapeLibraryProvider;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.st.StDrive;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opens real libraries: {@code mtx:/dev/sgN?drives=/dev/nst0,/dev/nst1} — the changer's SCSI
 * generic node, and the st node (the non-rewinding {@code nst} one) of each of its data transfer
 * elements in the changer's order (mtx's "Data Transfer Element 0, 1, ..."; element {@code n} is
 * address {@code 100 + n}). An empty entry leaves that element without a device (a drive cabled to
 * another host): the library then refuses to hand it out. Without {@code drives} the library can
 * move cartridges but not read or write them. Every device is reached through the settings' {@link
 * dev.strata.tape.st.HostDevices}, so a live run can be recorded and replayed.
 */
public final class MtxProvider implements TapeLibraryProvider {

  @Override
  public Set<String> schemes() {
    return Set.of("mtx");
  }

  /** The changer node and the st node of each drive address, as a location names them. */
  record Devices(String changer, Map<Integer, String> drives) {}

  /**
   * Every device node that opening {@code location} would use: the changer's first, then each
   * drive's. Whoever checks a location before it is opened (the control center's endpoint rules)
   * asks this parser, so that the nodes checked are exactly those opened.
   *
   * @throws IllegalArgumentException for a location this provider cannot open
   */
  public static List<String> devicePaths(URI location) {
    Devices d = parse(location);
    List<String> paths = new ArrayList<>();
    paths.add(d.changer());
    paths.addAll(d.drives().values());
    return List.copyOf(paths);
  }

  static Devices parse(URI location) {
    String path = location.getPath();
    if (location.getAuthority() != null || path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException(
          "a tape library location is mtx:/dev/sgN?drives=/dev/nst0,... (got " + location + ")");
    }
    Map<Integer, String> drives = new TreeMap<>();
    String query = location.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
        if (!key.equals("drives") || kv.length < 2) {
          throw new IllegalArgumentException(
              "unknown or empty option '" + key + "' in " + location + " (it takes drives=...)");
        }
        String[] nodes = URLDecoder.decode(kv[1], StandardCharsets.UTF_8).split(",", -1);
        for (int i = 0; i < nodes.length; i++) {
          String node = nodes[i].strip();
          if (node.isEmpty()) {
            continue;
          }
          if (!node.startsWith("/")) {
            throw new IllegalArgumentException(
                "drive " + i + " of " + location + " must be an absolute device path");
          }
          drives.put(MtxStatus.DRIVES + i, node);
        }
      }
    }
    return new Devices(path, drives);
  }

  @Override
  public Backend open(URI location, TapeSettings settings) throws IOException {
    Devices devices = parse(location);
    if (!settings.host().exists(devices.changer())) {
      throw new IOException("no changer device at " + devices.changer());
    }
    Map<Integer, TapeDrive> drives = new TreeMap<>();
    for (Map.Entry<Integer, String> d : devices.drives().entrySet()) {
      if (!settings.host().exists(d.getValue())) {
        throw new IOException("no drive device at " + d.getValue());
      }
      drives.put(d.getKey(), new StDrive(d.getValue(), settings.host().drive(d.getValue())));
    }
    MtxChanger changer = new MtxChanger(devices.changer(), settings.host().changer(), drives);
    return new Backend(changer, "mtx:" + devices.changer(), () -> {});
  }
}
