package dev.strata.controlcenter.interfaces.rest;

import java.util.List;

/** A request that cannot be understood: bad JSON, wrong types, unknown or missing fields. */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(
        errors.isEmpty()
            ? "invalid request"
            : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
