package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.interfaces.http.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tells the audit trail which API operation a request reached (its OpenAPI operation id) and which
 * object it acts on, before the resource runs: the innermost path parameter, or else the {@code id}
 * (or {@code name}) the request body gives the object it creates — so that a refused creation is
 * recorded with the id it tried to take, not without one.
 */
@Provider
public class OperationNaming implements ContainerRequestFilter, ReaderInterceptor {

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

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object body = context.proceed();
    if (request.getAttribute(AuditTrail.TARGET) == null && body instanceof Record r) {
      for (String name : List.of("id", "name")) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          if (c.getName().equals(name) && c.getType() == String.class) {
            try {
              Object value = c.getAccessor().invoke(r);
              if (value != null) {
                request.setAttribute(AuditTrail.TARGET, value);
                return body;
              }
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException("cannot read " + name + " of " + r.getClass(), e);
            }
          }
        }
      }
    }
    return body;
  }
}
