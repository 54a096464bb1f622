package dev.strata.controlcenter.interfaces.security;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.IdentityService;
import dev.strata.controlcenter.application.NodeService;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Jakarta Security's identity store over the catalog: API keys and passwords are checked by {@link
 * IdentityService}; the caller's role becomes its one group.
 */
@ApplicationScoped
public class CatalogIdentityStore implements IdentityStore {

  @Inject IdentityService identity;
  @Inject NodeService nodes;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    Optional<Caller> caller = Optional.empty();
    if (credential instanceof ApiKeyCredential key) {
      caller = identity.authenticate(key.token());
    } else if (credential instanceof NodeCredential node) {
      caller = nodes.authenticate(node.text());
    } else if (credential instanceof UsernamePasswordCredential up) {
      try {
        caller =
            identity.authenticate(PrincipalName.of(up.getCaller()), up.getPassword().getValue());
      } catch (InvalidValueException notAName) {
        caller = Optional.empty();
      }
    } else {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return caller
        .map(c -> new CredentialValidationResult(new StrataPrincipal(c), Set.of(c.role().name())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
