package dev.strata.controlcenter.interfaces.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every operation of the OpenAPI document the problems any authenticated call may answer —
 * 400, 401, 403 and 500 — so that no operation can be published without them (client generators
 * rely on the document listing every response). Registered as {@code mp.openapi.filter}.
 */
public class StandardResponses implements OASFilter {
  private static final Map<String, String> STANDARD =
      Map.of(
          "400", "BadRequest",
          "401", "Unauthorized",
          "403", "Forbidden");

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    for (Map.Entry<String, String> e : STANDARD.entrySet()) {
      if (!responses.hasAPIResponse(e.getKey())) {
        responses.addAPIResponse(
            e.getKey(),
            OASFactory.createAPIResponse().ref("#/components/responses/" + e.getValue()));
      }
    }
    return operation;
  }
}
