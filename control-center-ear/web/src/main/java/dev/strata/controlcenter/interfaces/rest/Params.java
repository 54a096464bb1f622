package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.identity.PrincipalName;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Parses path segments, query parameters and headers. JAX-RS turns a query parameter it cannot
 * convert into a 404; taking them as strings and parsing here turns them into a 400 that names the
 * parameter instead.
 */
final class Params {
  private Params() {}

  /** A path id that cannot be valid names nothing: 404, like an unknown one. */
  static DataCenterId dataCenterId(String raw) {
    try {
      return DataCenterId.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("data center", raw);
    }
  }

  static TargetId targetId(String raw) {
    try {
      return TargetId.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("storage target", raw);
    }
  }

  /** An id inside a request body: a malformed one is a 400 naming {@code field}. */
  static DataCenterId bodyDataCenterId(String field, String raw) {
    try {
      return DataCenterId.of(raw);
    } catch (InvalidValueException e) {
      throw new InvalidRequestException(field, e.getMessage().replaceFirst("^id", field));
    }
  }

  /** The page a listing asks for: {@code limit} (1-1000, default 100) items after {@code after}. */
  static PageRequest page(String limit, String after) {
    return new PageRequest(
        after == null || after.isEmpty() ? null : after,
        integer("limit", limit, 100, 1, PageRequest.MAX));
  }

  static TenantId tenantId(String raw) {
    try {
      return TenantId.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("tenant", raw);
    }
  }

  static Optional<TenantId> optionalTenant(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TenantId.of(raw));
    } catch (InvalidValueException e) {
      throw new InvalidRequestException(name, e.getMessage());
    }
  }

  static PrincipalName principalName(String raw) {
    try {
      return PrincipalName.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("principal", raw);
    }
  }

  /** A value parsed from a query parameter; the domain's refusal becomes a 400 naming it. */
  static <T> T bodyValue(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidValueException e) {
      throw new InvalidRequestException(name, e.getMessage());
    }
  }

  static Optional<java.time.Instant> optionalInstant(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.Instant.parse(raw));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(
          name, "must be an ISO-8601 instant such as 2026-11-28T10:00:00Z (got '" + raw + "')");
    }
  }

  static PricePerGibMonth optionalPrice(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    return bodyValue(name, () -> PricePerGibMonth.ofDecimal(raw));
  }

  static int integer(String name, String raw, int defaultValue, int min, int max) {
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        name, "must be an integer from " + min + " to " + max + " (got '" + raw + "')");
  }

  static Long optionalLong(String name, String raw, long min) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      long v = Long.parseLong(raw);
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        name, "must be an integer of at least " + min + " (got '" + raw + "')");
  }

  static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(raw)) {
        return e;
      }
    }
    throw new InvalidRequestException(
        name, "'" + raw + "' is not one of " + Arrays.toString(type.getEnumConstants()));
  }

  static DataCenterId optionalDataCenter(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      return DataCenterId.of(raw);
    } catch (InvalidValueException e) {
      throw new InvalidRequestException(name, e.getMessage());
    }
  }

  /** The version in an {@code If-Match: "7"} header; empty when the header is absent. */
  static OptionalLong ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return OptionalLong.empty();
    }
    String h = header.strip();
    if (h.startsWith("\"") && h.endsWith("\"") && h.length() > 2) {
      try {
        return OptionalLong.of(Long.parseLong(h.substring(1, h.length() - 1)));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new InvalidRequestException(
        "If-Match", "must be an entity tag of this API, such as \"3\" (got " + header + ")");
  }
}
