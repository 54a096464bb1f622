package dev.strata.vtl;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A virtual tape library kept in a directory. Element addresses follow the common layout of real
 * changers: the picker at 0, mail slots from 10, drives from 100 (up to 64), storage slots from
 * 1000.
 */
public final class VirtualLibrary {
  public static final int TRANSPORT_ADDRESS = 0;
  public static final int FIRST_IMPORT_EXPORT = 10;
  public static final int FIRST_DRIVE = 100;
  public static final int FIRST_SLOT = 1000;

  private final LibraryConfig config;

  private VirtualLibrary(LibraryConfig config) {
    this.config = config;
  }

  /**
   * Creates a library in {@code directory} (made if missing) with the given configuration. The
   * configuration file appears atomically; an existing library is left as it is and returned.
   */
  public static VirtualLibrary create(Path directory, LibraryConfig config) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(LibraryConfig.FILE_NAME);
    if (Files.exists(file)) {
      return open(directory);
    }
    Path tmp = Files.createTempFile(directory, ".library", ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      config.toProperties().store(w, "Strata virtual tape library, format " + LibraryConfig.FORMAT);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return new VirtualLibrary(config);
  }

  /** Opens the library in {@code directory}; fails with a message naming what is wrong. */
  public static VirtualLibrary open(Path directory) throws LibraryConfigException {
    if (!Files.isDirectory(directory)) {
      throw new LibraryConfigException("no library directory at " + directory);
    }
    Path file = directory.resolve(LibraryConfig.FILE_NAME);
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new LibraryConfigException("cannot read " + file + ": " + e.getMessage());
    }
    return new VirtualLibrary(LibraryConfig.fromProperties(p, file.toString()));
  }

  public LibraryConfig config() {
    return config;
  }

  /**
   * The layout of a new library: every element in address order and the cartridges the
   * configuration places. Once cartridges move, {@link VirtualTapeLibrary#inventory()} is the
   * current state.
   */
  public List<Element> inventory() {
    List<Element> out = new ArrayList<>();
    out.add(Element.empty(ElementType.MEDIUM_TRANSPORT, TRANSPORT_ADDRESS));
    for (int i = 0; i < config.importExportSlots(); i++) {
      out.add(Element.empty(ElementType.IMPORT_EXPORT, FIRST_IMPORT_EXPORT + i));
    }
    for (int i = 0; i < config.drives(); i++) {
      out.add(Element.empty(ElementType.DATA_TRANSFER, FIRST_DRIVE + i));
    }
    List<Barcode> barcodes = config.barcodes();
    for (int i = 0; i < config.slots(); i++) {
      out.add(
          i < barcodes.size()
              ? Element.holding(ElementType.STORAGE, FIRST_SLOT + i, barcodes.get(i))
              : Element.empty(ElementType.STORAGE, FIRST_SLOT + i));
    }
    return out;
  }

  /** Total capacity of the data cartridges in the library. */
  public long capacityBytes() {
    return config.dataCartridges() * config.cartridgeCapacityBytes();
  }
}
