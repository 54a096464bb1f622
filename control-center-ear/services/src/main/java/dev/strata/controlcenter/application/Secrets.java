package dev.strata.controlcenter.application;

import dev.strata.pool.EnrolmentToken;
import dev.strata.pool.identity.ApiKeyToken;

/** Fresh secrets from a cryptographically strong source. */
public interface Secrets {
  ApiKeyToken newApiKey();

  /** A password for a principal created without one (the initial administrator). */
  String newPassword();

  /** A new enrolment token's id and secret. */
  EnrolmentToken.Secret newEnrolmentToken();

  /** 256 random bits, base64url without padding (43 characters): a node's credential secret. */
  String newSecret();

  /** {@code bytes} random bytes in lower-case hex (a session id). */
  String newHex(int bytes);
}
