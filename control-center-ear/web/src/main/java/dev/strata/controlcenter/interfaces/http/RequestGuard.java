package dev.strata.controlcenter.interfaces.http;

import dev.strata.controlcenter.infrastructure.config.AllowedHosts;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.controlcenter.interfaces.rest.Problem;
import dev.strata.pool.catalog.RepositoryObject;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * The first thing every request to the control center meets, before any resource runs. It refuses:
 *
 * <ul>
 *   <li>more than one {@code Host} (400), and a {@code Host} that is not one of the configured
 *       addresses (421): a DNS-rebinding page that resolves its own name to this server cannot
 *       reach the API;
 *   <li>a browser's cross-site request, told by {@code Sec-Fetch-Site} or an {@code Origin} that is
 *       not this server (403): no other site's page can read from or act on the API, whatever
 *       credentials the browser holds;
 *   <li>a state-changing request whose body is not JSON (415): HTML forms cannot produce one, so no
 *       form post (or {@code text/plain} "simple request") changes anything;
 *   <li>a body larger than the configured limit (413), checked from {@code Content-Length} and
 *       again while the body is read.
 * </ul>
 *
 * It answers {@code OPTIONS} outside {@code /api} itself, with no body.
 *
 * <p>Every answer also carries headers that stop browsers from sniffing, framing or caching it.
 * Mapped in {@code web.xml}, after the audit trail.
 */
public class RequestGuard extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> SAME_ORIGIN_FETCH = Set.of("same-origin", "none");

  @Inject transient StrataConfig config;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Frame-Options", "DENY");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("Cache-Control", "no-store");

    AllowedHosts hosts = config.allowedHosts();
    if (Collections.list(req.getHeaders("Host")).size() > 1) {
      // RFC 9112 wants a 400: with two, the one checked here need not be the one a proxy in front
      // of this server routed by.
      refuse(req, resp, 400, "bad-request", "Bad request", "a request names one Host, not several");
      return;
    }
    String host = req.getHeader("Host");
    if (!hosts.permits(host)) {
      refuse(
          req,
          resp,
          421,
          "misdirected-request",
          "Misdirected request",
          "this control center does not answer to the host name '"
              + (host == null ? "" : host)
              + "'; the operator configures its names with strata.http.allowed-hosts");
      return;
    }
    String fetchSite = req.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !SAME_ORIGIN_FETCH.contains(fetchSite.toLowerCase(Locale.ROOT))) {
      refuse(req, resp, 403, "cross-site", "Cross-site request", "cross-site requests are refused");
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && !hosts.permitsOrigin(origin, req.isSecure())) {
      refuse(
          req,
          resp,
          403,
          "cross-site",
          "Cross-site request",
          "requests from origin '" + origin + "' are refused");
      return;
    }
    if (req.getMethod().equals("OPTIONS") && !req.getRequestURI().startsWith("/api/")) {
      // The runtime's own endpoints (/openapi) would answer with a WADL document describing the
      // server's internals; everything outside the API is read-only.
      resp.setHeader("Allow", "GET, HEAD, OPTIONS");
      resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    boolean object = isRepositoryObjectWrite(req);
    boolean pack = isPackUpload(req);
    long limit =
        pack ? MAX_PACK_BYTES : object ? RepositoryObject.MAX_BYTES : config.maxBodyBytes();
    if (req.getContentLengthLong() > limit) {
      refuse(
          req,
          resp,
          413,
          "payload-too-large",
          "Payload too large",
          "the body exceeds the limit of " + limit + " bytes");
      return;
    }
    if (STATE_CHANGING.contains(req.getMethod()) && !object && !pack && !jsonOrNoBody(req)) {
      refuse(
          req,
          resp,
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "a request that changes state carries a JSON body (Content-Type: application/json) or"
              + " none; got '"
              + req.getContentType()
              + "'");
      return;
    }
    chain.doFilter(new LimitedBodyRequest(req, limit), resp);
  }

  /**
   * A repository object's bytes ({@code PUT .../repository/objects/NAME}) travel as {@code
   * application/octet-stream}, up to the object size limit: browsers cannot send that type
   * cross-site without a preflight (which the guard refuses), so it opens no door to forms.
   */
  private static boolean isRepositoryObjectWrite(HttpServletRequest req) {
    String type = req.getContentType();
    return "PUT".equals(req.getMethod())
        && type != null
        && type.split(";", 2)[0].strip().equalsIgnoreCase("application/octet-stream")
        && REPOSITORY_OBJECT.matcher(req.getRequestURI()).matches();
  }

  /** A pack is smaller than 2 GiB (repository format v1). */
  static final long MAX_PACK_BYTES = (2L << 30) - 1;

  private static boolean isPackUpload(HttpServletRequest req) {
    String type = req.getContentType();
    return "PUT".equals(req.getMethod())
        && type != null
        && type.split(";", 2)[0].strip().equalsIgnoreCase("application/octet-stream")
        && PACK_UPLOAD.matcher(req.getRequestURI()).matches();
  }

  private static final java.util.regex.Pattern PACK_UPLOAD =
      java.util.regex.Pattern.compile("/api/v1/sessions/[^/]+/packs/[0-9a-f]{64}");

  private static final java.util.regex.Pattern REPOSITORY_OBJECT =
      java.util.regex.Pattern.compile("/api/v1/tenants/[^/]+/repository/objects/.+");

  private static boolean jsonOrNoBody(HttpServletRequest req) {
    String type = req.getContentType();
    if (type == null) {
      // No declared type: only a request without a body passes.
      return req.getContentLengthLong() <= 0 && req.getHeader("Transfer-Encoding") == null;
    }
    String mime = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mime.equals("application/json")
        || (mime.startsWith("application/") && mime.endsWith("+json"));
  }

  private static void refuse(
      HttpServletRequest req,
      HttpServletResponse resp,
      int status,
      String type,
      String title,
      String detail)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType(Problem.MEDIA_TYPE);
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == 413) {
      resp.setHeader("Connection", "close");
    }
    resp.getWriter()
        .write(
            new Problem(
                    "urn:strata:problem:" + type, title, status, detail, req.getRequestURI(), null)
                .toJson());
  }
}
