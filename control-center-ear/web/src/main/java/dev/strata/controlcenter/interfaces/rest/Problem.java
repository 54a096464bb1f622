package dev.strata.controlcenter.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code errors} extends the standard members with one entry per
 * offending field.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String INVALID_REQUEST = "urn:strata:problem:invalid-request";
  public static final String NOT_FOUND = "urn:strata:problem:not-found";
  public static final String CONFLICT = "urn:strata:problem:conflict";
  public static final String VERSION_CONFLICT = "urn:strata:problem:version-conflict";
  public static final String UNAUTHORIZED = "urn:strata:problem:unauthorized";
  public static final String FORBIDDEN = "urn:strata:problem:forbidden";
  public static final String TOO_MANY_REQUESTS = "urn:strata:problem:too-many-requests";
  public static final String INTERNAL = "urn:strata:problem:internal-error";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The body as JSON text (written by hand so that no provider choice can turn it into HTML). */
  public String toJson() {
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("type", type == null ? "about:blank" : type);
    o.add("title", title);
    o.add("status", status);
    if (detail != null) {
      o.add("detail", detail);
    }
    if (instance != null) {
      o.add("instance", instance);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      errors.forEach(
          e ->
              a.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      o.add("errors", a);
    }
    return o.build().toString();
  }

  public Response toResponse() {
    Response.ResponseBuilder b = Response.status(status).type(MEDIA_TYPE).entity(toJson());
    if (status == 503) {
      // Nothing can take the work now; nodes report every few seconds, so ask again soon.
      b.header("Retry-After", "30");
    }
    return b.build();
  }
}
