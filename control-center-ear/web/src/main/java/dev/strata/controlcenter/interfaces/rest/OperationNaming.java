package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.interfaces.http.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tells the audit trail which API operation a request reached (its OpenAPI operation id) and which
 * object it acts on (the last path parameter), before the resource runs.
 */
@Provider
public class OperationNaming implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    Method m = resource.getResourceMethod();
    if (m == null) {
      return;
    }
    Operation op = m.getAnnotation(Operation.class);
    request.setAttribute(
        AuditTrail.OPERATION,
        op != null && !op.operationId().isEmpty() ? op.operationId() : m.getName());
    MultivaluedMap<String, String> params = context.getUriInfo().getPathParameters();
    List<String> names = List.copyOf(params.keySet());
    if (!names.isEmpty()) {
      // Path parameters of nested resources: the innermost names the object acted on.
      String path = context.getUriInfo().getPath();
      String last = names.get(0);
      int lastAt = -1;
      for (String n : names) {
        int at = path.lastIndexOf(params.getFirst(n));
        if (at > lastAt) {
          lastAt = at;
          last = n;
        }
      }
      request.setAttribute(AuditTrail.TARGET, params.getFirst(last));
    }
  }
}
