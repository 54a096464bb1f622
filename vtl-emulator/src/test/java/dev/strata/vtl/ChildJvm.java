package dev.strata.vtl;

import java.util.ArrayList;
import java.util.List;

/** The command that starts {@code main} in a new JVM with this test's class path. */
public final class ChildJvm {
  private ChildJvm() {}

  public static List<String> command(Class<?> main, String... args) {
    List<String> c = new ArrayList<>();
    c.add(ProcessHandle.current().info().command().orElse("java"));
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(main.getName());
    c.addAll(List.of(args));
    return c;
  }
}
