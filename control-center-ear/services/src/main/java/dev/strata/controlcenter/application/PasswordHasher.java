package dev.strata.controlcenter.application;

/** A slow, salted, self-describing password hash (the container's PBKDF2). */
public interface PasswordHasher {
  String hash(char[] password);

  boolean verify(char[] password, String hash);
}
