package dev.strata.controlcenter.infrastructure.security;

import dev.strata.controlcenter.application.Secrets;
import dev.strata.pool.EnrolmentToken;
import dev.strata.pool.identity.ApiKeyToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets from the operating system's strong random source. */
@ApplicationScoped
public class StrongSecrets implements Secrets {
  private final SecureRandom random = new SecureRandom();

  @Override
  public ApiKeyToken newApiKey() {
    return ApiKeyToken.generate(random);
  }

  @Override
  public EnrolmentToken.Secret newEnrolmentToken() {
    ApiKeyToken t = ApiKeyToken.generate(random);
    return new EnrolmentToken.Secret(t.keyId(), t.secret());
  }

  @Override
  public String newSecret() {
    return ApiKeyToken.generate(random).secret();
  }

  @Override
  public String newHex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  @Override
  public String newPassword() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
