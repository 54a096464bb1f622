package dev.strata.controlcenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads, writes and compares OpenAPI documents as data: the committed {@code docs/api/openapi.yaml}
 * against the one the control center serves.
 */
final class ApiDocuments {
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private ApiDocuments() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    return (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(yaml);
  }

  /** The document as YAML, each path's operations in the order of {@link #METHODS}. */
  @SuppressWarnings("unchecked")
  static String write(Map<String, Object> document) {
    Map<String, Object> doc = new LinkedHashMap<>(document);
    Map<String, Object> paths = new LinkedHashMap<>();
    ((Map<String, Object>) doc.get("paths"))
        .forEach(
            (path, item) -> {
              Map<String, Object> ordered = new LinkedHashMap<>();
              Map<String, Object> in = (Map<String, Object>) item;
              METHODS.stream().filter(in::containsKey).forEach(m -> ordered.put(m, in.get(m)));
              in.forEach(ordered::putIfAbsent);
              paths.put(path, ordered);
            });
    doc.put("paths", paths);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(100);
    options.setIndicatorIndent(0);
    options.setSplitLines(true);
    return new Yaml(new Representer(options), options).dump(doc);
  }

  /** Where {@code want} and {@code got} differ, as paths into the document (at most 20). */
  static List<String> differences(Object want, Object got) {
    List<String> out = new ArrayList<>();
    compare("", want, got, out);
    return out.size() > 20 ? out.subList(0, 20) : out;
  }

  @SuppressWarnings("unchecked")
  private static void compare(String at, Object want, Object got, List<String> out) {
    if (want instanceof Map<?, ?> w && got instanceof Map<?, ?> g) {
      Set<Object> keys = new java.util.LinkedHashSet<>(w.keySet());
      keys.addAll(g.keySet());
      for (Object k : keys) {
        String where = at + "/" + k;
        if (!w.containsKey(k)) {
          out.add(where + ": only served");
        } else if (!g.containsKey(k)) {
          out.add(where + ": only committed");
        } else {
          compare(where, w.get(k), g.get(k), out);
        }
      }
    } else if (want instanceof List<?> w && got instanceof List<?> g && w.size() == g.size()) {
      for (int i = 0; i < w.size(); i++) {
        compare(at + "/" + i, w.get(i), g.get(i), out);
      }
    } else if (!Objects.equals(want, got)) {
      out.add(at + ": " + abbreviate(want) + " -> " + abbreviate(got));
    }
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
