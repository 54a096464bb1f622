package dev.strata.controlcenter.interfaces.http;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.interfaces.security.TokenOrBasicAuthentication;
import dev.strata.pool.identity.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * {@code /metrics} in the Prometheus text format, for authenticated callers whose role reads the
 * pool (an operator's API key in the scraper's {@code Authorization} header): the application's
 * metrics ({@code strata_*}) and the JVM's. It replaces the runtime's own endpoint, which would
 * answer anyone.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient MetricRegistry application;

  @Inject
  @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
  transient MetricRegistry base;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!(req.getAttribute(TokenOrBasicAuthentication.CALLER) instanceof Caller caller)) {
      resp.sendError(401);
      return;
    }
    if (!caller.permits(Permission.POOL_READ)) {
      resp.sendError(403);
      return;
    }
    resp.setContentType("text/plain; version=0.0.4");
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = resp.getWriter();
    // One family per name (the format wants its TYPE line once), each series under it.
    Map<String, List<Map.Entry<MetricID, Metric>>> families =
        Stream.of(application, base)
            .flatMap(r -> r.getMetrics().entrySet().stream())
            .collect(
                Collectors.groupingBy(
                    e -> e.getKey().getName(), java.util.TreeMap::new, Collectors.toList()));
    families.forEach(
        (name, series) -> {
          String family = name.replaceAll("[^a-zA-Z0-9_]", "_");
          Metric first = series.get(0).getValue();
          String type =
              first instanceof Counter
                  ? family + "_total counter"
                  : first instanceof Gauge<?>
                      ? family + " gauge"
                      : first instanceof Timer ? family + "_seconds summary" : family + " summary";
          out.format(Locale.ROOT, "# TYPE %s%n", type);
          series.forEach(e -> write(out, family, e.getKey(), e.getValue()));
        });
  }

  private static void write(PrintWriter out, String name, MetricID id, Metric metric) {
    String labels = labels(id.getTags());
    if (metric instanceof Counter c) {
      out.format(Locale.ROOT, "%s_total%s %d%n", name, labels, c.getCount());
    } else if (metric instanceof Gauge<?> g) {
      out.format(Locale.ROOT, "%s%s %s%n", name, labels, g.getValue());
    } else if (metric instanceof Timer t) {
      out.format(
          Locale.ROOT,
          "%s_seconds_count%s %d%n%s_seconds_sum%s %f%n",
          name,
          labels,
          t.getCount(),
          name,
          labels,
          t.getElapsedTime().toNanos() / 1e9);
    } else if (metric instanceof Histogram h) {
      out.format(
          Locale.ROOT,
          "%s_count%s %d%n%s_sum%s %d%n",
          name,
          labels,
          h.getCount(),
          name,
          labels,
          h.getSum());
    }
  }

  private static String labels(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return "";
    }
    return tags.entrySet().stream()
        .map(
            t ->
                t.getKey().replaceAll("[^a-zA-Z0-9_]", "_")
                    + "=\""
                    + t.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }
}
