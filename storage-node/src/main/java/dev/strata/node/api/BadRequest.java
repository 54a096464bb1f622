package dev.strata.node.api;

/** A request the API refuses as it stands, with the HTTP status and problem type to answer. */
public final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String type;
  private final String title;

  public BadRequest(int status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public static BadRequest of(String detail) {
    return new BadRequest(400, "bad-request", "Bad request", detail);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
