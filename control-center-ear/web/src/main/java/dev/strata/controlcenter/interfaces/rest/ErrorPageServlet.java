package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.interfaces.security.Unauthorized;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders the container's own errors — unknown paths outside {@code /api}, failures before JAX-RS
 * is reached — as problem+json too, so no client ever receives an HTML error page. Mapped as the
 * error page of every status in {@code web.xml}.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {
  static final String PATH = "/error";
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String title =
        switch (status) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 405 -> "Method Not Allowed";
          case 429 -> "Too Many Requests";
          case 500 -> "Internal error";
          default -> "HTTP " + status;
        };
    String type =
        switch (status) {
          case 401 -> Problem.UNAUTHORIZED;
          case 404 -> Problem.NOT_FOUND;
          case 429 -> Problem.TOO_MANY_REQUESTS;
          default -> status >= 500 ? Problem.INTERNAL : null;
        };
    Object reason = req.getAttribute(Unauthorized.REASON);
    Problem p =
        new Problem(
            type,
            title,
            status,
            status == 404
                ? "no resource here; the API is under /api/v1"
                : status == 401 && reason != null
                    ? reason + "; send Authorization: Bearer <API key>, or HTTP Basic"
                    : status == 429 && reason != null ? reason.toString() : null,
            uri == null ? req.getRequestURI() : uri.toString(),
            null);
    resp.setStatus(status);
    resp.setContentType(Problem.MEDIA_TYPE);
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resp.getWriter().write(p.toJson());
  }
}
