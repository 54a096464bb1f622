package dev.strata.vtl;

import dev.strata.tape.TapeLibrary;
import dev.strata.tape.mtx.MtxStatusFormat;
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
    if (args.length == 0 || !(args[0].equals("serve") || args[0].equals("status"))) {
      err.println("usage: vtl serve --dir DIR [--port N] [--address ADDR]");
      err.println("       vtl status --dir DIR | --connect HOST:PORT");
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
      return args[0].equals("serve") ? serve(options, out, err) : status(options, out, err);
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
