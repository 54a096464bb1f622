package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.interfaces.http.BodyTooLargeException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON request body into one of the API's request records, strictly: malformed JSON, a
 * value of the wrong type, an unknown enum constant, an unknown field, a missing field whose
 * accessor is {@link NotNull}, or a number outside the Java type's range each become a {@link
 * FieldError} naming the field, and all of them are reported together. (A lenient binder silently
 * drops unknown fields and turns missing ones into nulls or zeros, which loses an operator's typo.)
 * Range and pattern rules are left to Bean Validation on the record.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Record> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord() && type.getPackageName().startsWith("dev.strata.");
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream) {
    return read(type, parse(entityStream));
  }

  /** Deeper nesting than any request of this API needs is refused before it is built. */
  static final int MAX_DEPTH = 16;

  /** Longer number literals than any field of this API needs are refused before conversion. */
  static final int MAX_NUMBER_LENGTH = 40;

  static JsonObject parse(InputStream in) {
    byte[] body;
    try {
      body = in.readAllBytes(); // bounded: the request guard caps every body
    } catch (BodyTooLargeException e) {
      throw new PayloadTooLargeException(e.getMessage());
    } catch (IOException e) {
      throw new InvalidRequestException("body", "the body could not be read: " + e.getMessage());
    }
    checkShape(body);
    JsonValue root;
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      parser.next();
      root = parser.getValue();
    } catch (JsonException e) {
      throw new InvalidRequestException("body", "a JSON object is required: " + e.getMessage());
    }
    if (!(root instanceof JsonObject object)) {
      throw new InvalidRequestException(
          "body",
          "a JSON object is required, not "
              + root.getValueType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return object;
  }

  /**
   * A first, streaming pass: well-formed JSON, one value, nesting and number lengths within bounds.
   * Only then is the value built (which recurses, and converts numbers exactly).
   */
  private static void checkShape(byte[] body) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      if (!parser.hasNext()) {
        throw new InvalidRequestException("body", "a JSON object is required; the body is empty");
      }
      // The names seen in each open object (an array's entry holds none): a name given twice is
      // refused, not resolved by "last one wins", which another reader may resolve differently.
      Deque<Set<String>> names = new ArrayDeque<>();
      int depth = 0;
      boolean started = false;
      while (parser.hasNext()) {
        if (started && depth == 0) {
          throw new InvalidRequestException(
              "body", "malformed JSON: more content after the object" + at(parser.getLocation()));
        }
        started = true;
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw new InvalidRequestException(
                  "body",
                  "JSON nested deeper than " + MAX_DEPTH + " levels" + at(parser.getLocation()));
            }
            names.push(new HashSet<>());
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            names.pop();
          }
          case KEY_NAME -> {
            String name = parser.getString();
            checkText(name, parser);
            if (!names.peek().add(name)) {
              throw new InvalidRequestException(
                  "body", "the field '" + name + "' is given twice" + at(parser.getLocation()));
            }
          }
          case VALUE_STRING -> checkText(parser.getString(), parser);
          case VALUE_NUMBER -> {
            if (parser.getString().length() > MAX_NUMBER_LENGTH) {
              throw new InvalidRequestException(
                  "body",
                  "a number longer than "
                      + MAX_NUMBER_LENGTH
                      + " characters"
                      + at(parser.getLocation()));
            }
          }
          default -> {}
        }
      }
    } catch (JsonParsingException e) {
      throw new InvalidRequestException(
          "body", "malformed JSON" + at(e.getLocation()) + ": " + e.getMessage());
    } catch (JsonException e) {
      if (e.getCause() instanceof BodyTooLargeException b) {
        throw new PayloadTooLargeException(b.getMessage());
      }
      throw new InvalidRequestException("body", "a JSON object is required: " + e.getMessage());
    }
  }

  /**
   * A string must be Unicode text: an unpaired surrogate ({@code "\\ud800"}) cannot be stored or
   * shown, and would silently become {@code ?} in the catalog.
   */
  private static void checkText(String text, JsonParser parser) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidRequestException(
            "body",
            "a string holds an unpaired UTF-16 surrogate (not Unicode text)"
                + at(parser.getLocation()));
      }
    }
  }

  private static String at(JsonLocation location) {
    return location == null
        ? ""
        : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  static <R extends Record> R read(Class<R> type, JsonObject json) {
    List<FieldError> errors = new ArrayList<>();
    R record = read(type, json, "", errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return record;
  }

  /**
   * Reads {@code json} into {@code type}, adding every problem to {@code errors} under its path
   * ({@code targets[2].probe.at}); null when there was one.
   */
  private static <R extends Record> R read(
      Class<R> type, JsonObject json, String path, List<FieldError> errors) {
    RecordComponent[] components = type.getRecordComponents();
    int before = errors.size();
    Set<String> known = new LinkedHashSet<>();
    for (RecordComponent c : components) {
      known.add(c.getName());
    }
    for (String key : json.keySet()) {
      if (!known.contains(key)) {
        errors.add(new FieldError(path + key, "unknown field; known fields are " + known));
      }
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String field = path + c.getName();
      JsonValue v = json.get(c.getName());
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        if (c.getAccessor().isAnnotationPresent(NotNull.class) || c.getType().isPrimitive()) {
          errors.add(new FieldError(field, "is required"));
        }
        continue;
      }
      args[i] = value(field, v, c.getType(), c.getGenericType(), errors);
    }
    if (errors.size() > before) {
      return null;
    }
    try {
      Constructor<R> canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object value(
      String field, JsonValue v, Class<?> type, Type generic, List<FieldError> errors) {
    if (type.isRecord()) {
      if (v instanceof JsonObject o) {
        return read((Class<? extends Record>) type, o, field + ".", errors);
      }
      errors.add(new FieldError(field, "must be an object"));
      return null;
    }
    if (type == List.class) {
      if (!(generic instanceof java.lang.reflect.ParameterizedType p)
          || !(p.getActualTypeArguments()[0] instanceof Class<?> element)) {
        throw new IllegalStateException("no JSON conversion to " + generic + " for " + field);
      }
      if (!(v instanceof jakarta.json.JsonArray a)) {
        errors.add(new FieldError(field, "must be an array"));
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(value(field + "[" + i + "]", a.get(i), element, element, errors));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    return convert(field, v, type, errors);
  }

  private static Object convert(String field, JsonValue v, Class<?> type, List<FieldError> errors) {
    if (type == String.class) {
      if (v instanceof JsonString s) {
        return s.getString();
      }
      errors.add(new FieldError(field, "must be a string"));
    } else if (type == Long.class || type == long.class) {
      BigDecimal n = integral(field, v, errors);
      if (n != null) {
        try {
          return n.longValueExact();
        } catch (ArithmeticException e) {
          errors.add(
              new FieldError(
                  field,
                  "must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE));
        }
      }
    } else if (type == Integer.class || type == int.class) {
      BigDecimal n = integral(field, v, errors);
      if (n != null) {
        try {
          return n.intValueExact();
        } catch (ArithmeticException e) {
          errors.add(
              new FieldError(
                  field,
                  "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE));
        }
      }
    } else if (type == java.time.Instant.class) {
      if (v instanceof JsonString str) {
        try {
          return java.time.Instant.parse(str.getString());
        } catch (java.time.format.DateTimeParseException e) {
          // reported below
        }
      }
      errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-28T10:00:00Z"));
    } else if (type == Double.class || type == double.class) {
      if (v instanceof JsonNumber n) {
        double d = n.doubleValue();
        if (Double.isFinite(d)) {
          return d;
        }
      }
      errors.add(new FieldError(field, "must be a finite number"));
    } else if (type == Boolean.class || type == boolean.class) {
      if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
        return v == JsonValue.TRUE;
      }
      errors.add(new FieldError(field, "must be true or false"));
    } else if (type.isEnum()) {
      if (v instanceof JsonString s) {
        for (Object constant : type.getEnumConstants()) {
          if (((Enum<?>) constant).name().equals(s.getString())) {
            return constant;
          }
        }
        errors.add(
            new FieldError(
                field,
                "'"
                    + s.getString()
                    + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
      } else {
        errors.add(
            new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
      }
    } else {
      throw new IllegalStateException("no JSON conversion to " + type + " for field " + field);
    }
    return null;
  }

  private static BigDecimal integral(String field, JsonValue v, List<FieldError> errors) {
    if (v instanceof JsonNumber n) {
      BigDecimal d = n.bigDecimalValue();
      if (d.stripTrailingZeros().scale() <= 0) {
        return d;
      }
    }
    errors.add(new FieldError(field, "must be an integer"));
    return null;
  }
}
