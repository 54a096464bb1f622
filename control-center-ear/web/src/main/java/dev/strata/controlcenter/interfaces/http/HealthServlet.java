package dev.strata.controlcenter.interfaces.http;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health}, {@code /health/live}, {@code /health/ready}: up or down, nothing else, for load
 * balancers and orchestrators that call without credentials. The checks themselves (which database,
 * which schema version, why a check is down) are for operators: {@code GET /api/v1/health}.
 */
@WebServlet(urlPatterns = {"/health", "/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject @Liveness transient Instance<HealthCheck> liveness;
  @Inject @Readiness transient Instance<HealthCheck> readiness;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Stream<HealthCheck> checks =
        switch (req.getServletPath()) {
          case "/health/live" -> liveness.stream();
          case "/health/ready" -> readiness.stream();
          default -> Stream.concat(liveness.stream(), readiness.stream());
        };
    boolean up = checks.allMatch(HealthServlet::up);
    resp.setStatus(up ? 200 : 503);
    resp.setContentType("application/json");
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resp.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
  }

  static boolean up(HealthCheck check) {
    try {
      return check.call().getStatus() == HealthCheckResponse.Status.UP;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
