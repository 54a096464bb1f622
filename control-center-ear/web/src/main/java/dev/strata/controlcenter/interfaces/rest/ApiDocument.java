package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.interfaces.security.TokenOrBasicAuthentication;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document the runtime builds from the resources' annotations, so that what
 * is served at {@code /openapi} is what clients may rely on (registered as {@code
 * mp.openapi.filter}):
 *
 * <ul>
 *   <li>every operation lists the problems any call of it may meet — 400; 401, 403 and 429 unless
 *       it is public; 413 and 415 when it takes a body — so that none is published without them;
 *   <li>every operation but the public ones ({@link TokenOrBasicAuthentication#isPublic}, the list
 *       the authentication reads) requires an API key or HTTP Basic;
 *   <li>every operation carries the example {@code api-examples.json} gives for its operation id;
 *   <li>request bodies are required unless an annotation said otherwise;
 *   <li>JAX-RS path templates with a regular expression ({@code {name: .+}}) become plain OpenAPI
 *       templates, and Payara's own {@code endpoints} member (no OpenAPI field) is left out.
 * </ul>
 *
 * The committed {@code docs/api/openapi.yaml} is this document; a test fails when they differ.
 */
public class ApiDocument implements OASFilter {
  private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{(\\w+)\\s*:[^}]*}");
  private static final JsonObject EXAMPLES = examples();

  /**
   * Payara writes every attribute of a schema annotation, defaults included: {@code maxProperties:
   * 0} would tell a validator that no object may have properties. Only what was said stays.
   */
  @Override
  public Schema filterSchema(Schema schema) {
    String ref = schema.getRef();
    if (ref != null && ref.endsWith("[]")) {
      // An annotation's ref = "X[]" is an array of X (Payara drops type = ARRAY next to a ref).
      schema.setRef(null);
      schema.setType(Schema.SchemaType.ARRAY);
      schema.setItems(OASFactory.createSchema().ref(ref.substring(0, ref.length() - 2)));
    }
    if (schema.getType() != null
        && schema.getType() != Schema.SchemaType.OBJECT
        && schema.getProperties() != null) {
      // Payara lends a string or binary answer the properties of some other schema.
      schema.setProperties(null);
    }
    Schema items = schema.getItems();
    if (items != null
        && items.getType() == Schema.SchemaType.ARRAY
        && items.getItems() == null
        && items.getRef() == null) {
      // Payara describes an annotated List<String> as a list of lists of nothing; this API has no
      // lists of lists.
      items.setType(Schema.SchemaType.STRING);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    return schema;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    if (Boolean.FALSE.equals(parameter.getDeprecated())) {
      parameter.setDeprecated(null);
    }
    if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
      parameter.setAllowEmptyValue(null);
    }
    if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
      parameter.setAllowReserved(null);
    }
    return parameter;
  }

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getPaths() == null) {
      return;
    }
    Map<String, PathItem> items = new LinkedHashMap<>(document.getPaths().getPathItems());
    for (Map.Entry<String, PathItem> e : items.entrySet()) {
      String path = TEMPLATE_REGEX.matcher(e.getKey()).replaceAll("{$1}");
      if (!path.equals(e.getKey())) {
        document.getPaths().removePathItem(e.getKey());
        document.getPaths().addPathItem(path, e.getValue());
      }
      boolean open = TokenOrBasicAuthentication.isPublic(path);
      for (Operation op : e.getValue().getOperations().values()) {
        complete(op, open);
      }
    }
    forgetPayaraEndpoints(document);
  }

  private static void complete(Operation op, boolean open) {
    if (Boolean.FALSE.equals(op.getDeprecated())) {
      op.setDeprecated(null);
    }
    APIResponses responses = op.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      op.setResponses(responses);
    }
    standard(responses, "400", "BadRequest");
    if (open) {
      op.setSecurity(null);
    } else {
      // Per operation, not document-wide: Payara does not write the empty list that would exempt
      // a public operation from a document-wide requirement.
      op.setSecurity(
          List.of(
              OASFactory.createSecurityRequirement().addScheme("apiKey"),
              OASFactory.createSecurityRequirement().addScheme("basic")));
      standard(responses, "401", "Unauthorized");
      standard(responses, "403", "Forbidden");
      standard(responses, "429", "TooManyRequests");
    }
    RequestBody body = op.getRequestBody();
    if (body != null) {
      standard(responses, "413", "PayloadTooLarge");
      standard(responses, "415", "UnsupportedMediaType");
      if (body.getRequired() == null) {
        body.setRequired(true);
      }
    }
    JsonObject example = EXAMPLES.getJsonObject(op.getOperationId());
    if (example != null) {
      if (example.containsKey("request") && body != null) {
        firstMediaType(body.getContent())
            .ifPresent(m -> m.setExample(plain(example.get("request"))));
      }
      if (example.containsKey("response")) {
        responses.getAPIResponses().entrySet().stream()
            .filter(r -> r.getKey().startsWith("2"))
            .map(Map.Entry::getValue)
            .map(APIResponse::getContent)
            .map(ApiDocument::firstMediaType)
            .flatMap(Optional::stream)
            .findFirst()
            .ifPresent(m -> m.setExample(plain(example.get("response"))));
      }
      JsonObject params = example.getJsonObject("parameters");
      if (params != null && op.getParameters() != null) {
        for (Parameter p : op.getParameters()) {
          if (params.containsKey(p.getName())) {
            p.setExample(plain(params.get(p.getName())));
          }
        }
      }
    }
  }

  private static void standard(APIResponses responses, String status, String component) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(
          status, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
    }
  }

  private static Optional<MediaType> firstMediaType(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return Optional.empty();
    }
    return content.getMediaTypes().values().stream().findFirst();
  }

  /**
   * Payara adds a member {@code endpoints} (the application's paths per context root) to the
   * document it serves; it is no OpenAPI field, and linters refuse it.
   */
  private static void forgetPayaraEndpoints(OpenAPI document) {
    try {
      document
          .getClass()
          .getMethod("setEndpoints", Map.class)
          .invoke(document, new java.util.TreeMap<String, Object>());
    } catch (NoSuchMethodException notPayara) {
      // another runtime: nothing to forget
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot remove Payara's endpoints from the API document", e);
    }
  }

  private static JsonObject examples() {
    try (InputStream in = ApiDocument.class.getResourceAsStream("api-examples.json")) {
      if (in == null) {
        throw new IllegalStateException("api-examples.json is missing from the application");
      }
      try (JsonReader r = Json.createReader(in)) {
        return r.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON value as the plain maps, lists, strings and numbers the document model serialises. */
  private static Object plain(JsonValue v) {
    switch (v.getValueType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) v).forEach((k, x) -> map.put(k, plain(x)));
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>();
        ((JsonArray) v).forEach(x -> list.add(plain(x)));
        return list;
      case STRING:
        return ((JsonString) v).getString();
      case NUMBER:
        JsonNumber n = (JsonNumber) v;
        return n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
