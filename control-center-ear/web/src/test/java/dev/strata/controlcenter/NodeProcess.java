package dev.strata.controlcenter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real storage node process (the jar storage-node packaged, as {@code ./strata node} runs it),
 * for the tests that enrol nodes with a real control center.
 */
final class NodeProcess implements AutoCloseable {
  final Process process;
  final List<String> output = new ArrayList<>();
  private final CompletableFuture<String> ready = new CompletableFuture<>();

  private NodeProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  if (line.contains("listening on")) {
                    ready.complete(line);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              ready.complete(null);
            });
    reader.setDaemon(true);
    reader.start();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static NodeProcess start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar"));
    cmd.add(Path.of(System.getProperty("strata.node.jar")).toString());
    cmd.addAll(List.of(args));
    return new NodeProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** The line that says the node is listening (and enrolled), or null when it ended first. */
  String awaitReady() throws Exception {
    return ready.get(120, TimeUnit.SECONDS);
  }

  /** Waits for the process to end and returns its exit status. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the node did not end: " + output());
    }
    return process.exitValue();
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** SIGKILL: the node ends without a word to anyone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
