package dev.strata.controlcenter.application;

import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few minutes, that a name and password matched a stored hash, so that a client
 * using HTTP Basic does not pay for a slow hash on every request. It keys entries by a digest of
 * name and password (never the password) together with the stored hash they matched: a changed
 * password or a disabled principal no longer matches.
 */
@ApplicationScoped
public class LoginCache {
  static final Duration TTL = Duration.ofMinutes(5);
  static final int MAX_ENTRIES = 10_000;

  private record Entry(String storedHash, Instant until) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Inject Clock clock;

  boolean matches(PrincipalName name, char[] password, String storedHash) {
    Entry e = entries.get(key(name, password));
    return e != null && e.storedHash.equals(storedHash) && clock.instant().isBefore(e.until);
  }

  void remember(PrincipalName name, char[] password, String storedHash) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key(name, password), new Entry(storedHash, clock.instant().plus(TTL)));
  }

  private static String key(PrincipalName name, char[] password) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(name.value().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
      d.update(pw);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
