package dev.strata.node.center;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file {@code <data>/enrolment} in which a node keeps its enrolment (spec: {@code
 * docs/formats/node-enrolment.md}): a first line {@code strata-node-enrolment-v1}, then {@code
 * key=value} lines, UTF-8. It holds the node's credential, so it is created readable and writable
 * by its owner only, and a file that others may read is refused rather than used. It is written
 * once, durably (temporary file, fsync, rename, fsync of the directory), so a crash leaves either
 * no enrolment or a whole one.
 */
public final class EnrolmentFile {
  public static final String NAME = "enrolment";
  static final String MAGIC = "strata-node-enrolment-v1";
  private static final List<String> KEYS =
      List.of(
          "center",
          "data-center",
          "node",
          "credential",
          "grant-key",
          "heartbeat-seconds",
          "enrolled-at");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private EnrolmentFile() {}

  public static Path in(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  /** The enrolment kept in {@code dataDir}, or empty when the node never enrolled there. */
  public static Optional<NodeEnrolment> read(Path dataDir) throws IOException {
    Path file = in(dataDir);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(perms)) {
      throw new IOException(
          file
              + " holds the node's credential but others may access it ("
              + PosixFilePermissions.toString(perms)
              + "); make it the owner's only (chmod 600) and start again");
    }
    return Optional.of(parse(lines, file.toString()));
  }

  static NodeEnrolment parse(List<String> lines, String source) throws IOException {
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new IOException(
          source
              + " is not a node enrolment this version reads (expected first line "
              + MAGIC
              + ")");
    }
    Map<String, String> v = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      if (eq < 0 || !KEYS.contains(key)) {
        throw new IOException(source + ": unknown line '" + key + "'");
      }
      if (v.put(key, line.substring(eq + 1)) != null) {
        throw new IOException(source + ": '" + key + "' appears twice");
      }
    }
    for (String k : KEYS) {
      if (!v.containsKey(k) || v.get(k).isBlank()) {
        throw new IOException(source + ": '" + k + "' is missing");
      }
    }
    try {
      return new NodeEnrolment(
          URI.create(v.get("center")),
          v.get("data-center"),
          v.get("node"),
          v.get("credential"),
          v.get("grant-key"),
          Duration.ofSeconds(Long.parseLong(v.get("heartbeat-seconds"))),
          Instant.parse(v.get("enrolled-at")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }

  static String format(NodeEnrolment e) {
    return MAGIC
        + "\n"
        + "center="
        + e.center()
        + "\ndata-center="
        + e.dataCenter()
        + "\nnode="
        + e.node()
        + "\ncredential="
        + e.credential()
        + "\ngrant-key="
        + e.grantKey()
        + "\nheartbeat-seconds="
        + e.heartbeatInterval().toSeconds()
        + "\nenrolled-at="
        + e.enrolledAt()
        + "\n";
  }

  /** Writes {@code e} into {@code dataDir}, owner-only and durable, replacing nothing. */
  public static void write(Path dataDir, NodeEnrolment e) throws IOException {
    write(dataDir, e, false);
  }

  /**
   * Writes {@code e} into {@code dataDir}, owner-only and durable; {@code replace}: over the one
   * there (the same enrolment with its center's new URL).
   */
  static void write(Path dataDir, NodeEnrolment e, boolean replace) throws IOException {
    Path file = in(dataDir);
    for (String s : List.of(e.center().toString(), e.dataCenter(), e.node(), e.credential())) {
      if (s.contains("\n") || s.contains("\r")) {
        throw new IOException("an enrolment value holds a line break");
      }
    }
    Files.createDirectories(dataDir);
    Path tmp =
        Files.createTempFile(
            dataDir, NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(format(e).getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      if (!replace && Files.exists(file)) {
        throw new IOException(file + " exists; the node is enrolled already");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
        dir.force(true);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
