package dev.strata.vtl;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.LibraryCapability;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The virtual library behind the tape SPI, in-process: the changer's state (which cartridge is in
 * which element) is kept in {@code elements.properties} beside the library's configuration and
 * replaced atomically after every move, each cartridge's medium in {@code cartridges/<barcode>/}. A
 * cartridge left in a drive stays there, unloaded, across restarts. A robot jam can be injected.
 */
public final class VirtualTapeLibrary implements TapeLibrary {
  static final String ELEMENTS = "elements.properties";

  private final Path directory;
  private final VirtualLibrary library;
  private final Map<Integer, ElementType> types = new TreeMap<>();
  private final Map<Integer, Barcode> contents = new TreeMap<>();
  private final Map<Integer, VirtualDrive> drives = new TreeMap<>();
  private boolean jammed;

  private final TimingModel robot;

  private VirtualTapeLibrary(Path directory, VirtualLibrary library, TimingModel robot) {
    this.directory = directory;
    this.library = library;
    this.robot = robot;
  }

  /** The robot's modelled time so far (moves), as real hardware would have taken. */
  public synchronized java.time.Duration robotTime() {
    return robot.report().mechanical();
  }

  /**
   * Opens the library in {@code directory} (see {@link VirtualLibrary#create} to make one) with
   * LTO-9 timing at time scale 0: it reports what real hardware would have taken, without waiting.
   */
  public static VirtualTapeLibrary open(Path directory) throws IOException {
    return open(directory, DriveTiming.LTO9, Clock.systemUTC(), 0);
  }

  /**
   * Opens the library with a timing model: {@code host} is the clock the host's pace is read from,
   * {@code timeScale} the fraction of the modelled mechanical time the library really waits (0:
   * none, 1: as long as real hardware).
   */
  public static VirtualTapeLibrary open(
      Path directory, DriveTiming timing, Clock host, double timeScale) throws IOException {
    if (timeScale < 0 || timeScale > 1) {
      throw new IllegalArgumentException("the time scale is 0 to 1");
    }
    VirtualLibrary library = VirtualLibrary.open(directory);
    VirtualTapeLibrary l =
        new VirtualTapeLibrary(directory, library, new TimingModel(timing, host, timeScale));
    for (Element e : library.inventory()) {
      l.types.put(e.address(), e.type());
      e.cartridge().ifPresent(b -> l.contents.put(e.address(), b));
      if (e.type() == ElementType.DATA_TRANSFER) {
        l.drives.put(
            e.address(),
            new VirtualDrive(
                library.config().name() + "/drive" + (e.address() - VirtualLibrary.FIRST_DRIVE),
                directory.resolve("cartridges"),
                library.config().capacityScale(),
                new TimingModel(timing, host, timeScale)));
      }
    }
    Path state = directory.resolve(ELEMENTS);
    if (Files.exists(state)) {
      l.contents.clear();
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (String key : p.stringPropertyNames()) {
        int address = Integer.parseInt(key.substring("element.".length()));
        l.contents.put(address, Barcode.of(p.getProperty(key)));
      }
    }
    for (Map.Entry<Integer, Barcode> e : l.contents.entrySet()) {
      VirtualDrive d = l.drives.get(e.getKey());
      if (d != null) {
        d.insert(e.getValue(), type(e.getValue()), false);
      }
    }
    return l;
  }

  private static CartridgeType type(Barcode b) {
    return b.cartridgeType().orElse(CartridgeType.LTO9);
  }

  public LibraryConfig config() {
    return library.config();
  }

  /** Total capacity of the library's data cartridges, scaled as configured. */
  public long capacityBytes() {
    return library.capacityBytes();
  }

  @Override
  public String name() {
    return library.config().name();
  }

  /** A cartridge's native capacity scaled as the library's configuration says. */
  @Override
  public long capacityOf(CartridgeType type) {
    return type.holdsData()
        ? Math.max(1, (long) (type.nativeCapacityBytes() * library.config().capacityScale()))
        : 0;
  }

  @Override
  public Set<LibraryCapability> capabilities() {
    Set<LibraryCapability> c = EnumSet.of(LibraryCapability.BARCODE_READER);
    if (library.config().importExportSlots() > 0) {
      c.add(LibraryCapability.IMPORT_EXPORT);
    }
    return c;
  }

  @Override
  public synchronized List<Element> inventory() throws TapeException {
    List<Element> out = new ArrayList<>();
    for (Map.Entry<Integer, ElementType> e : types.entrySet()) {
      Optional<Barcode> b = Optional.ofNullable(contents.get(e.getKey()));
      out.add(new Element(e.getValue(), e.getKey(), b, b.isPresent()));
    }
    return out;
  }

  @Override
  public List<Element> rescan() throws TapeException {
    return inventory();
  }

  @Override
  public synchronized void move(int from, int to) throws TapeException {
    if (jammed) {
      throw new TapeException.HardwareError("the robot of " + name() + " is jammed");
    }
    if (!types.containsKey(from) || !types.containsKey(to)) {
      throw new TapeException.IllegalRequest(
          "no element " + (types.containsKey(from) ? to : from) + " in " + name());
    }
    Barcode b = contents.get(from);
    if (b == null) {
      throw new TapeException.IllegalRequest("element " + from + " is empty");
    }
    if (contents.containsKey(to)) {
      throw new TapeException.IllegalRequest("element " + to + " is full");
    }
    VirtualDrive source = drives.get(from);
    if (source != null) {
      source.remove();
    }
    VirtualDrive target = drives.get(to);
    if (target != null) {
      target.insert(b, type(b), false);
    }
    robot.robotMove();
    contents.remove(from);
    contents.put(to, b);
    try {
      persist();
    } catch (IOException e) {
      throw new TapeException.HardwareError("cannot record the move: " + e);
    }
  }

  private void persist() throws IOException {
    Properties p = new Properties();
    contents.forEach((a, b) -> p.setProperty("element." + a, b.value()));
    Path tmp = Files.createTempFile(directory, ".elements", ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(w, "which cartridge is in which element");
    }
    Files.move(tmp, directory.resolve(ELEMENTS), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public synchronized TapeDrive drive(int address) throws TapeException {
    VirtualDrive d = drives.get(address);
    if (d == null) {
      throw new TapeException.IllegalRequest("element " + address + " is not a drive");
    }
    return d;
  }

  /**
   * An operator puts a cartridge into the first empty mail slot (it then enters the library by a
   * move from there); returns that slot's address.
   */
  public synchronized int insert(Barcode cartridge) throws TapeException {
    if (contents.containsValue(cartridge)) {
      throw new TapeException.IllegalRequest(cartridge + " is already in " + name());
    }
    for (Map.Entry<Integer, ElementType> e : types.entrySet()) {
      if (e.getValue() == ElementType.IMPORT_EXPORT && !contents.containsKey(e.getKey())) {
        contents.put(e.getKey(), cartridge);
        try {
          persist();
        } catch (IOException ex) {
          throw new TapeException.HardwareError("cannot record the import: " + ex);
        }
        return e.getKey();
      }
    }
    throw new TapeException.IllegalRequest("no empty mail slot in " + name());
  }

  /** An operator takes the cartridge out of mail slot {@code address}. */
  public synchronized Barcode take(int address) throws TapeException {
    if (types.get(address) != ElementType.IMPORT_EXPORT || !contents.containsKey(address)) {
      throw new TapeException.IllegalRequest("no cartridge in mail slot " + address);
    }
    Barcode b = contents.remove(address);
    try {
      persist();
    } catch (IOException ex) {
      throw new TapeException.HardwareError("cannot record the export: " + ex);
    }
    return b;
  }

  /** Fault injection: the robot jams (every move fails) until cleared. */
  public synchronized void jamRobot(boolean on) {
    this.jammed = on;
  }

  /** The drive object behind {@link #drive}, for fault injection. */
  public synchronized VirtualDrive virtualDrive(int address) throws TapeException {
    return (VirtualDrive) drive(address);
  }
}
