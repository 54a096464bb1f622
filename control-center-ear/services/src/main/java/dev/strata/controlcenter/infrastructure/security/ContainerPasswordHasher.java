package dev.strata.controlcenter.infrastructure.security;

import dev.strata.controlcenter.application.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Passwords hashed with Jakarta Security's PBKDF2 (HMAC-SHA-512, 210,000 iterations, 32-byte salt:
 * OWASP's 2023 advice for PBKDF2-SHA-512). The stored form names algorithm, iterations and salt, so
 * the parameters can be raised later and old hashes still verify.
 */
@ApplicationScoped
public class ContainerPasswordHasher implements PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  @Override
  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  @Override
  public boolean verify(char[] password, String hash) {
    try {
      return pbkdf2.verify(password, hash);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
