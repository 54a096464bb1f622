package dev.strata.vtl;

import dev.strata.tape.TapeLibrary;
import dev.strata.tape.mtx.MtxStatusFormat;
import dev.strata.vtl.scsi.ChangerUnit;
import dev.strata.vtl.scsi.LogicalUnit;
import dev.strata.vtl.scsi.TapeUnit;
import dev.strata.vtl.scsi.TcmuDevice;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The VTL's command line ({@code ./strata vtl ...}):
 *
 * <pre>
 *   vtl serve  --dir DIR [--port N] [--address ADDR]   serve a library (created with the
 *                                                      embedded defaults if DIR has none)
 *   vtl status --dir DIR | --connect HOST:PORT         print the inventory as mtx status does
 *   vtl scsi   --dir DIR [--units NAME]                serve the library to the Linux kernel as
 *                                                      SCSI devices (TCMU; see docs/operations.md)
 * </pre>
 *
 * Exit codes: 0 success, 1 failure, 2 bad usage.
 */
public final class VtlMain {
  private VtlMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (args.length == 0 || !List.of("serve", "status", "scsi").contains(args[0])) {
      err.println("usage: vtl serve --dir DIR [--port N] [--address ADDR]");
      err.println("       vtl status --dir DIR | --connect HOST:PORT");
      err.println("       vtl scsi --dir DIR [--units NAME]");
      return 2;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        err.println("vtl: option " + args[i] + " needs a value");
        return 2;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    try {
      return switch (args[0]) {
        case "serve" -> serve(options, out, err);
        case "scsi" -> scsi(options, out, err);
        default -> status(options, out, err);
      };
    } catch (IOException | IllegalArgumentException e) {
      err.println("vtl: " + e.getMessage());
      return 1;
    }
  }

  private static VirtualTapeLibrary openOrCreate(Path dir) throws IOException {
    if (!Files.exists(dir.resolve(LibraryConfig.FILE_NAME))) {
      VirtualLibrary.create(
          dir, LibraryConfig.embeddedDefault(dir.toAbsolutePath().getFileName().toString()));
    }
    return VirtualTapeLibrary.open(dir);
  }

  private static int serve(Map<String, String> o, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    String dir = o.get("dir");
    if (dir == null) {
      err.println("vtl serve: --dir is required");
      return 2;
    }
    VirtualTapeLibrary lib = openOrCreate(Path.of(dir));
    InetAddress address = InetAddress.getByName(o.getOrDefault("address", "127.0.0.1"));
    VtlServer server =
        VtlServer.start(lib, address, Integer.parseInt(o.getOrDefault("port", "7070")));
    out.println(
        "vtl: library '"
            + lib.name()
            + "' serving at vtl://"
            + address.getHostAddress()
            + ":"
            + server.port()
            + " from "
            + Path.of(dir).toAbsolutePath());
    out.flush();
    new CountDownLatch(1).await(); // until the process is stopped
    return 0;
  }

  /**
   * Serves the library's changer and drives as the TCMU devices configured for them ({@code
   * dev_config=strata/changer} and {@code strata/drive<ADDRESS>}; with {@code --units NAME}, {@code
   * strata/NAME/changer} and so on, so several libraries can be served side by side), one thread
   * each, until stopped.
   */
  private static int scsi(Map<String, String> o, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    String dir = o.get("dir");
    if (dir == null) {
      err.println("vtl scsi: --dir is required");
      return 2;
    }
    VirtualTapeLibrary lib = openOrCreate(Path.of(dir));
    String prefix = o.containsKey("units") ? o.get("units") + "/" : "";
    List<TcmuDevice.Found> found = new java.util.ArrayList<>();
    for (TcmuDevice.Found f : TcmuDevice.discover(Path.of("/sys/class/uio"))) {
      String unit = f.unitName();
      if (unit.startsWith(prefix) && unit.indexOf('/', prefix.length()) < 0) {
        found.add(new TcmuDevice.Found(unit.substring(prefix.length()), f.uio(), f.size()));
      }
    }
    if (found.isEmpty()) {
      err.println(
          "vtl scsi: no TCMU device is configured with dev_config=strata/"
              + prefix
              + "...: create them in"
              + " /sys/kernel/config/target/core/user_*/ first (docs/operations.md)");
      return 1;
    }
    CountDownLatch ended = new CountDownLatch(1);
    for (TcmuDevice.Found f : found) {
      LogicalUnit unit;
      String serial = lib.name() + "-" + f.unitName();
      if (f.unitName().equals("changer")) {
        unit = new ChangerUnit(lib, serial);
      } else if (f.unitName().startsWith("drive")) {
        int address = Integer.parseInt(f.unitName().substring("drive".length()));
        unit = new TapeUnit(lib.virtualDrive(address), serial);
      } else {
        err.println("vtl scsi: unknown unit '" + f.unitName() + "' on " + f.uio());
        return 1;
      }
      TcmuDevice device = new TcmuDevice(f.uio(), f.size(), unit);
      Thread t =
          new Thread(
              () -> {
                device.run();
                ended.countDown();
              },
              "tcmu-" + f.unitName());
      t.setDaemon(true);
      t.start();
      out.println("vtl: " + f.unitName() + " of '" + lib.name() + "' served on " + f.uio());
    }
    out.println("vtl: ready");
    out.flush();
    ended.await();
    err.println("vtl scsi: a unit stopped serving (its error is logged above); stopping");
    return 1;
  }

  private static int status(Map<String, String> o, PrintStream out, PrintStream err)
      throws IOException {
    List<dev.strata.tape.Element> inventory;
    String name;
    if (o.containsKey("connect")) {
      String[] hp = o.get("connect").split(":");
      try (RemoteTapeLibrary lib =
          RemoteTapeLibrary.connect(hp[0], Integer.parseInt(hp[1]), 5000)) {
        inventory = lib.inventory();
        name = lib.name();
      }
    } else if (o.containsKey("dir")) {
      Path dir = Path.of(o.get("dir"));
      if (!Files.exists(dir.resolve(LibraryConfig.FILE_NAME))) {
        err.println("vtl status: no library in " + dir);
        return 1;
      }
      TapeLibrary lib = VirtualTapeLibrary.open(dir);
      inventory = lib.inventory();
      name = lib.name();
    } else {
      err.println("vtl status: give --dir DIR or --connect HOST:PORT");
      return 2;
    }
    out.print(MtxStatusFormat.format(name, inventory));
    return 0;
  }
}
