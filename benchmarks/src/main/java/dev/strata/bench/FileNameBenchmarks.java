package dev.strata.bench;

import dev.strata.agent.posix.NativePaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Listing a directory of 10 000 files the three ways the backup walker could get names: Java's own
 * strings (lossy: bytes that are not UTF-8 become U+FFFD), the bytes behind Java's paths through
 * {@code toUri()} (exact, one {@code stat} per name), and {@code readdir} through JNA with a {@link
 * Path} built from the bytes (exact; what the walker does). Time per listing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FileNameBenchmarks {
  private static final int FILES = 10_000;
  private Path dir;
  private byte[] dirBytes;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("strata-names");
    for (int i = 0; i < FILES; i++) {
      Files.createFile(dir.resolve("file-number-" + i));
    }
    dirBytes = NativePaths.bytes(dir);
  }

  @TearDown
  public void tearDown() throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public void javaStrings(Blackhole bh) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        bh.consume(p.getFileName().toString());
      }
    }
  }

  @Benchmark
  public void javaPathsToUriBytes(Blackhole bh) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        bh.consume(NativePaths.bytes(p));
      }
    }
  }

  @Benchmark
  public void readdirBytesAndPaths(Blackhole bh) throws IOException {
    List<byte[]> names = NativePaths.list(dirBytes);
    for (byte[] name : names) {
      bh.consume(NativePaths.child(dir, dirBytes, name));
    }
  }
}
