package dev.strata.controlcenter.application;

import dev.strata.pool.AccessDeniedException;
import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.identity.ApiKey;
import dev.strata.pool.identity.ApiKeyToken;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.identity.Role;
import dev.strata.pool.identity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants, principals and their credentials: who may call the control center, and proving who is
 * calling. Each public method is one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class IdentityService {
  /** The shortest password accepted. */
  public static final int MIN_PASSWORD = 12;

  /**
   * The longest password accepted: far beyond any passphrase, and short enough that the HTTP Basic
   * header carrying it stays within the server's header limit (a longer one could be set but never
   * used to log in).
   */
  public static final int MAX_PASSWORD = 1024;

  /** How stale a key's "last used" may be before a use writes it again. */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  /** The name of the administrator created on a catalog's first start. */
  public static final PrincipalName INITIAL_ADMIN = PrincipalName.of("admin");

  @Inject TenantRepository tenants;
  @Inject PrincipalRepository principals;
  @Inject ApiKeyRepository keys;
  @Inject PasswordHasher hasher;
  @Inject Secrets secrets;
  @Inject LoginCache logins;
  @Inject Clock clock;

  // ---- authentication -------------------------------------------------------------------------

  /** The caller an API key proves, if the key exists, is not revoked and its owner is active. */
  public Optional<Caller> authenticate(ApiKeyToken token) {
    Optional<ApiKey> key = keys.find(token.keyId()).filter(k -> k.accepts(token));
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<Principal> owner = principals.find(key.get().owner()).filter(Principal::active);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Instant> last = key.get().lastUsedAt();
    if (last.isEmpty() || last.get().plus(LAST_USED_RESOLUTION).isBefore(now)) {
      key.get().markUsed(now);
    }
    return Optional.of(callerOf(owner.get()));
  }

  /** The caller a name and password prove, if they match an active person's stored hash. */
  public Optional<Caller> authenticate(PrincipalName name, char[] password) {
    Optional<Principal> p = principals.find(name).filter(Principal::active);
    Optional<String> stored = p.flatMap(Principal::passwordHash);
    if (stored.isEmpty()) {
      // Spend the same effort as a real check, so timing does not tell which names exist.
      hasher.verify(password, DUMMY_HASH.get(hasher));
      return Optional.empty();
    }
    if (logins.matches(name, password, stored.get())) {
      return Optional.of(callerOf(p.get()));
    }
    if (!hasher.verify(password, stored.get())) {
      return Optional.empty();
    }
    logins.remember(name, password, stored.get());
    return Optional.of(callerOf(p.get()));
  }

  static Caller callerOf(Principal p) {
    return new Caller(p.name(), p.role(), p.tenant());
  }

  /** A hash of nothing, computed once, to check wrong names against. */
  private static final class DUMMY_HASH {
    private static volatile String value;

    static String get(PasswordHasher hasher) {
      String v = value;
      if (v == null) {
        v = hasher.hash("not a password of anyone".toCharArray());
        value = v;
      }
      return v;
    }
  }

  // ---- bootstrap --------------------------------------------------------------------------------

  public boolean hasPrincipals() {
    return !principals.isEmpty();
  }

  /**
   * Creates the first administrator with {@code password} when the catalog has no principal at all;
   * returns whether it did.
   */
  public boolean createInitialAdmin(char[] password) {
    if (!principals.isEmpty()) {
      return false;
    }
    Principal admin = Principal.create(INITIAL_ADMIN, Role.ADMIN, null, clock.instant());
    admin.setPasswordHash(hasher.hash(password));
    principals.add(admin);
    return true;
  }

  // ---- tenants ----------------------------------------------------------------------------------

  public Tenant createTenant(Caller caller, TenantDraft draft) {
    caller.require(Permission.TENANTS_MANAGE);
    if (tenants.find(draft.id()).isPresent()) {
      throw new DuplicateIdentityException("tenant", draft.id());
    }
    Tenant t = Tenant.establish(draft.id(), draft.name(), clock.instant());
    tenants.add(t);
    return t;
  }

  public Tenant tenant(Caller caller, TenantId id) {
    caller.require(Permission.TENANTS_READ);
    caller.mustSee(Optional.of(id), "tenant", id);
    return tenants.find(id).orElseThrow(() -> new UnknownIdentityException("tenant", id));
  }

  public Page<Tenant> tenants(Caller caller, PageRequest page) {
    caller.require(Permission.TENANTS_READ);
    if (!caller.global()) {
      Tenant own = tenant(caller, caller.tenant().orElseThrow());
      return new Page<>(
          page.after() == null || page.after().compareTo(own.id().value()) < 0
              ? List.of(own)
              : List.of(),
          Optional.empty());
    }
    return Page.of(tenants.list(page), page, t -> t.id().value());
  }

  // ---- principals -------------------------------------------------------------------------------

  public Principal createPrincipal(Caller caller, PrincipalDraft draft) {
    caller.require(Permission.PRINCIPALS_MANAGE);
    if (draft.role() == null) {
      throw new InvalidValueException("role", "role is required");
    }
    if (!caller.global() && draft.role().global()) {
      throw new AccessDeniedException(
          "a " + caller.role() + " cannot create a principal with the global role " + draft.role());
    }
    TenantId tenant = draft.tenant();
    if (tenant == null && !caller.global() && !draft.role().global()) {
      tenant = caller.tenant().orElseThrow();
    }
    if (tenant != null) {
      caller.mustSee(Optional.of(tenant), "tenant", tenant);
      TenantId t = tenant;
      tenants.find(tenant).orElseThrow(() -> new UnknownIdentityException("tenant", t));
    }
    if (principals.find(draft.name()).isPresent()) {
      throw new DuplicateIdentityException("principal", draft.name());
    }
    Principal p = Principal.create(draft.name(), draft.role(), tenant, clock.instant());
    if (draft.password() != null) {
      p.setPasswordHash(hasher.hash(checkedPassword(draft.password())));
    }
    principals.add(p);
    return p;
  }

  private static char[] checkedPassword(char[] password) {
    if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
      throw new InvalidValueException(
          "password",
          "a password has at least "
              + MIN_PASSWORD
              + " and at most "
              + MAX_PASSWORD
              + " characters");
    }
    return password;
  }

  public Principal principal(Caller caller, PrincipalName name) {
    if (!caller.name().equals(name)) {
      caller.require(Permission.PRINCIPALS_READ);
    }
    return visible(caller, name);
  }

  public Page<Principal> principals(Caller caller, Optional<TenantId> tenant, PageRequest page) {
    caller.require(Permission.PRINCIPALS_READ);
    Optional<TenantId> scope = caller.scope(tenant);
    return Page.of(principals.list(scope, page), page, p -> p.name().value());
  }

  public Principal disablePrincipal(Caller caller, PrincipalName name) {
    caller.require(Permission.PRINCIPALS_MANAGE);
    if (caller.name().equals(name)) {
      throw new InvalidValueException("name", "you cannot disable yourself");
    }
    Principal p = visible(caller, name);
    if (!caller.global() && p.role().global()) {
      throw new UnknownIdentityException("principal", name);
    }
    p.disable(clock.instant());
    return p;
  }

  /** Sets a person's password: their own, or one within the caller's reach. */
  /**
   * Sets a person's password. One's own needs the current password (when there is one), so that a
   * stolen API key cannot turn into a password that outlives the key's revocation; those who manage
   * principals reset others' without it.
   */
  public void setPassword(
      Caller caller, PrincipalName name, char[] currentPassword, char[] password) {
    Principal p = manageable(caller, name);
    if (caller.name().equals(name) && p.passwordHash().isPresent()) {
      if (currentPassword == null || !hasher.verify(currentPassword, p.passwordHash().get())) {
        throw new InvalidValueException(
            "currentPassword", "give your current password to set a new one");
      }
    }
    p.setPasswordHash(hasher.hash(checkedPassword(password)));
  }

  // ---- API keys ---------------------------------------------------------------------------------

  /** Issues a key to {@code owner}: to oneself (people only) or to a principal within reach. */
  public IssuedKey issueKey(Caller caller, PrincipalName owner, String label) {
    Principal p = manageable(caller, owner);
    if (p.kind().human() && !caller.name().equals(owner)) {
      // A key issued to someone else would let its issuer act as that person.
      throw new AccessDeniedException("people issue their own API keys");
    }
    if (!p.active()) {
      throw new InvalidValueException("name", "'" + owner + "' is disabled");
    }
    ApiKeyToken token = secrets.newApiKey();
    ApiKey key = ApiKey.issue(p, token, label, clock.instant());
    keys.add(key);
    return new IssuedKey(key, token.text());
  }

  public List<ApiKey> keys(Caller caller, PrincipalName owner) {
    manageable(caller, owner);
    return keys.of(owner);
  }

  public ApiKey revokeKey(Caller caller, PrincipalName owner, String keyId) {
    manageable(caller, owner);
    ApiKey key =
        keys.find(keyId)
            .filter(k -> k.owner().equals(owner))
            .orElseThrow(() -> new UnknownIdentityException("API key", keyId));
    key.revoke(clock.instant());
    return key;
  }

  /**
   * The principal, when the caller may manage its credentials: people manage their own; those who
   * manage principals manage those they can see (tenant administrators never an operator's).
   */
  private Principal manageable(Caller caller, PrincipalName name) {
    if (caller.name().equals(name)) {
      Principal self = visible(caller, name);
      if (!self.kind().human()) {
        caller.require(Permission.PRINCIPALS_MANAGE);
      }
      return self;
    }
    caller.require(Permission.PRINCIPALS_MANAGE);
    Principal p = visible(caller, name);
    if (!caller.global() && p.role().global()) {
      throw new UnknownIdentityException("principal", name);
    }
    return p;
  }

  private Principal visible(Caller caller, PrincipalName name) {
    Principal p =
        principals.find(name).orElseThrow(() -> new UnknownIdentityException("principal", name));
    if (!caller.name().equals(name)) {
      caller.mustSee(p.tenant(), "principal", name);
    }
    return p;
  }
}
