package dev.strata.agent.center;

import dev.strata.agent.repo.Backup;
import dev.strata.agent.repo.RepositoryException;
import dev.strata.disk.PackName;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A backup through the control center: the backup set it belongs to (defined on first use), the
 * session that names the node packs go to, and the commit that records the snapshot in the center's
 * catalog once the repository holds it.
 */
public final class CenterBackup {
  private final CenterPackStore store;
  private final String backupSet;
  private final String policy;
  private final CenterPackStore.Session session;
  private final String dataCenter;

  private CenterBackup(
      CenterPackStore store,
      String backupSet,
      String policy,
      CenterPackStore.Session session,
      String dataCenter) {
    this.store = store;
    this.backupSet = backupSet;
    this.policy = policy;
    this.session = session;
    this.dataCenter = dataCenter;
  }

  /** A backup set id made of a host name: lower case, letters, digits and inner hyphens. */
  public static String setIdOf(String host) {
    String s = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    s = s.replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "default" : s;
  }

  /**
   * Finds the backup set (or defines it under {@code policy}) and opens a session for packs signed
   * with {@code signingKey}; the store writes packs through it from now on.
   */
  public static CenterBackup open(
      CenterPackStore store,
      String backupSet,
      Optional<String> policy,
      String host,
      String signingKey)
      throws IOException, RepositoryException {
    CenterClient center = store.center();
    String path = "backup-sets/" + CenterClient.encode(backupSet);
    Optional<JsonObject> found = center.find(path);
    String underPolicy;
    String id;
    if (found.isPresent()) {
      id = found.get().getString("id", backupSet);
      underPolicy = found.get().getString("policy", "?");
      if (policy.isPresent() && !policy.get().equals(underPolicy)) {
        throw new RepositoryException(
            "backup set "
                + backupSet
                + " is protected by policy "
                + underPolicy
                + ", not "
                + policy.get()
                + " (an operator changes a set's policy in the control center)");
      }
    } else {
      if (policy.isEmpty()) {
        throw new RepositoryException(
            "backup set "
                + backupSet
                + " does not exist yet: give --policy (for example gold, silver or bronze) to"
                + " define it");
      }
      JsonObject defined =
          center.postForObject(
              "backup-sets",
              Json.createObjectBuilder()
                  .add("id", backupSet)
                  .add("name", "Backups of " + host)
                  .add("policy", policy.get())
                  .add("host", host)
                  .build(),
              201);
      id = defined.getString("id", backupSet);
      underPolicy = policy.get();
    }
    JsonObject s =
        center.postForObject(
            path + "/sessions",
            Json.createObjectBuilder().add("signingKey", signingKey).build(),
            201,
            200);
    String node = s.getString("nodeUrl");
    CenterPackStore.Session session =
        new CenterPackStore.Session(
            s.getString("session"),
            URI.create(node.endsWith("/") ? node : node + "/"),
            s.getString("grant"),
            Instant.parse(s.getString("expiresAt")));
    store.useSession(session);
    return new CenterBackup(store, id, underPolicy, session, s.getString("dataCenter"));
  }

  public String backupSet() {
    return backupSet;
  }

  public String policy() {
    return policy;
  }

  /** The node the packs land on, and its data center. */
  public String landing() {
    return session.node() + " (data center " + dataCenter + ")";
  }

  /** Records the snapshot the backup committed to the repository in the center's catalog. */
  public JsonObject commit(Backup.Result r) throws IOException, RepositoryException {
    JsonArrayBuilder packs = Json.createArrayBuilder();
    for (PackName p : r.packs()) {
      packs.add(p.value().substring(CenterPackStore.DATA.length()));
    }
    try {
      return store
          .center()
          .postForObject(
              "sessions/" + CenterClient.encode(session.id()) + "/commit",
              Json.createObjectBuilder()
                  .add("snapshot", r.id().hex())
                  .add("sequence", r.snapshot().sequence())
                  .add("takenAt", r.snapshot().time().toString())
                  .add("sizeBytes", r.snapshot().bytes())
                  .add("packs", packs)
                  .build(),
              201);
    } catch (RepositoryException e) {
      throw new RepositoryException(
          "snapshot "
              + r.id().shortForm()
              + " is in the repository, but the control center did not record it: "
              + e.getMessage(),
          e);
    }
  }
}
