package dev.strata.pool;

/** A value breaks a rule of the pool; {@link #field()} names the offending attribute. */
public final class InvalidValueException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidValueException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
