package dev.strata.node.api;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document: what went wrong, as a client can branch on ({@code type}) and as a
 * person can read ({@code detail}).
 */
public record Problem(String type, String title, int status, String detail) {
  public static final String MEDIA_TYPE = "application/problem+json";
  static final String BASE = "https://strata.dev/problems/";

  public static Response response(int status, String type, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(new Problem(BASE + type, title, status, detail))
        .build();
  }
}
