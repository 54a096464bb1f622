package dev.strata.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who may call what: every operation of the served {@code /openapi} document, called by every role
 * on an object of the caller's own tenant and on one of another tenant, and without credentials,
 * each with the status this table expects. The table is the reviewed statement of the authorization
 * model ({@code Role}, the services' {@code Caller} checks); the operations come from the document,
 * so an endpoint without a row fails the test instead of escaping it.
 *
 * <p>Columns: the global roles (admin, operator, auditor) see both tenants; tenant members, agents
 * and applications belong to tenant "own" and must find the other tenant's objects missing (404),
 * never forbidden; the storage node owns one node and must find another's missing. Each cell reads
 * {@code own/other}. Operations whose objects only the data flow creates (snapshots, sessions,
 * restores) are called with ids that do not exist: there the table tells a role that may not call
 * the operation (403) from one that may and finds nothing (404).
 */
final class AuthorizationMatrix {

  /** The callers, in the table's column order. */
  enum Who {
    ADMIN,
    OPERATOR,
    AUDITOR,
    TENANT_ADMIN,
    TENANT_USER,
    AGENT,
    APPLICATION,
    NODE
  }

  /**
   * One request of one cell: a path (with its query) under the server root, and a body; the method
   * is the operation's.
   */
  record Call(String path, String contentType, byte[] body) {
    static Call of(String path) {
      return new Call(path, null, null);
    }

    static Call json(String path, String json) {
      return new Call(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Where a cell acts: the tenant whose objects it names, and whether that is the caller's. */
  record Cell(String tenant, boolean own, String node) {}

  /** A row: an operation, how to call it in a cell, and what each caller gets. */
  record Row(String operationId, Function<Cell, Call> call, String expected, int anonymous) {}

  private final ControlCenterContract it;
  private final Api admin;
  private final String own;
  private final String other;
  private final Map<Who, Api> callers = new LinkedHashMap<>();
  private final String ownNode;
  private final String otherNode;
  private final String dataCenter;
  private final Map<String, String> agentOf = new LinkedHashMap<>();
  private final Map<String, String> appOf = new LinkedHashMap<>();
  private final Map<String, String> setOf = new LinkedHashMap<>();
  private final Map<String, String> spareOf = new LinkedHashMap<>();
  private final Map<String, String> jobOf = new LinkedHashMap<>();

  AuthorizationMatrix(ControlCenterContract it) {
    this.it = it;
    this.admin = it.api();
    this.own = it.createTenant(ControlCenterContract.unique("own"));
    this.other = it.createTenant(ControlCenterContract.unique("other"));
    for (String t : List.of(own, other)) {
      agentOf.put(t, it.createPrincipal(ControlCenterContract.unique("agent"), "AGENT", t, null));
      appOf.put(t, it.createPrincipal(ControlCenterContract.unique("app"), "APPLICATION", t, null));
      // A principal no caller is: reading or managing it is never reading or managing oneself.
      spareOf.put(t, it.createPrincipal(ControlCenterContract.unique("spare"), "AGENT", t, null));
      String set = ControlCenterContract.unique("set");
      Api.Reply r =
          admin.post(
              "api/v1/backup-sets",
              "{\"id\":\""
                  + set
                  + "\",\"name\":\"m\",\"policy\":\"bronze\",\"tenant\":\""
                  + t
                  + "\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      setOf.put(t, r.json().getString("id")); // name@tenant: what every caller may name it by
      r = admin.post("api/v1/backup-jobs", jobBody(t, ControlCenterContract.unique("job")));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      jobOf.put(t, r.json().getString("id"));
      r = admin.putBytes(objectPath(t, "config"), "matrix".getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(r.body()).isIn(200, 201);
    }
    callers.put(Who.ADMIN, key(it.createPrincipal(unique("admin"), "ADMIN", null, null)));
    callers.put(Who.OPERATOR, key(it.createPrincipal(unique("operator"), "OPERATOR", null, null)));
    callers.put(Who.AUDITOR, key(it.createPrincipal(unique("auditor"), "AUDITOR", null, null)));
    callers.put(
        Who.TENANT_ADMIN, key(it.createPrincipal(unique("tadmin"), "TENANT_ADMIN", own, null)));
    callers.put(
        Who.TENANT_USER, key(it.createPrincipal(unique("tuser"), "TENANT_USER", own, null)));
    callers.put(Who.AGENT, key(agentOf.get(own)));
    callers.put(Who.APPLICATION, key(appOf.get(own)));
    dataCenter = it.createDataCenter(unique("dc"));
    ownNode = unique("node");
    otherNode = unique("node");
    callers.put(Who.NODE, admin.as(Api.bearer(enrol(ownNode))));
    enrol(otherNode);
  }

  private static String unique(String prefix) {
    return ControlCenterContract.unique(prefix);
  }

  private Api key(String principal) {
    return it.keyOf(principal);
  }

  private String enrol(String node) {
    Api.Reply r =
        it.anonymous()
            .post(
                "api/v1/node-enrolments",
                "{\"token\":\""
                    + token()
                    + "\",\"node\":\""
                    + node
                    + "\",\"url\":\"http://127.0.0.1:9/\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("credential");
  }

  private String token() {
    Api.Reply r = admin.post("api/v1/data-centers/" + dataCenter + "/enrolment-tokens", "");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("token");
  }

  private static String objectPath(String tenant, String name) {
    return "api/v1/tenants/" + tenant + "/repository/objects/" + name;
  }

  /** A tape library target whose changer is not there: registering and probing it is quick. */
  private String freshTarget(boolean active) {
    String id = unique("tl");
    Api.Reply r =
        it.registerTarget(
            id,
            "local",
            "TAPE_LIBRARY",
            "mtx:/dev/sg97?drives=/dev/nst97",
            active ? ",\"state\":\"ACTIVE\"" : "");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  private String freshPrincipal(String role, String tenant) {
    return it.createPrincipal(unique("p"), role, tenant, null);
  }

  private String freshKey(String principal) {
    Api.Reply r = admin.post("api/v1/principals/" + principal + "/keys", "{\"label\":\"m\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getJsonObject("key").getString("id");
  }

  private static final String ABSENT_SNAPSHOT = "ab".repeat(32);
  private static final String ABSENT_RESTORE = "0".repeat(32);
  private static final String PACK = "cd".repeat(32);

  private static String heartbeat() {
    return ControlCenterContract.heartbeat(
        "http://127.0.0.1:9/", java.time.Instant.now().toString(), true);
  }

  /**
   * The table. Columns: admin, operator, auditor, tenant-admin, tenant-user, agent, application,
   * node — each {@code own/other} — then the answer without credentials.
   */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // Each row: the operation id, how a cell calls it, the answers (own/other) in these columns,
    // and the answer without credentials:
    //       admin   operat. auditor t-admin t-user  agent   applic. node
    // ---- identity
    rows.add(
        new Row(
            "whoAmI",
            c -> Call.of("api/v1/me"),
            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200",
            401));
    rows.add(
        new Row(
            "listTenants",
            c -> Call.of("api/v1/tenants"),
            "200/200 200/200 200/200 200/200 200/200 403/403 200/200 403/403",
            401));
    rows.add(
        new Row(
            "getTenant",
            c -> Call.of("api/v1/tenants/" + c.tenant()),
            "200/200 200/200 200/200 200/404 200/404 403/403 200/404 403/403",
            401));
    rows.add(
        new Row(
            "createTenant",
            c -> Call.json("api/v1/tenants", "{\"id\":\"" + unique("t") + "\"}"),
            "201/201 403/403 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "listPrincipals",
            c -> Call.of("api/v1/principals?tenant=" + c.tenant()),
            "200/200 403/403 200/200 200/404 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "getPrincipal",
            c -> Call.of("api/v1/principals/" + spareOf.get(c.tenant())),
            "200/200 403/403 200/200 200/404 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "createPrincipal",
            c ->
                Call.json(
                    "api/v1/principals",
                    "{\"name\":\""
                        + unique("p")
                        + "@"
                        + c.tenant()
                        + "\",\"role\":\"AGENT\",\"tenant\":\""
                        + c.tenant()
                        + "\"}"),
            "201/201 403/403 403/403 201/404 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "disablePrincipal",
            c ->
                Call.json(
                    "api/v1/principals/" + freshPrincipal("AGENT", c.tenant()) + "/disable", ""),
            "200/200 403/403 403/403 200/404 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "setPassword",
            c ->
                put(
                    "api/v1/principals/" + freshPrincipal("TENANT_USER", c.tenant()) + "/password",
                    "{\"password\":\"a long new password 1\"}"),
            "204/204 403/403 403/403 204/404 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "listKeys",
            c -> Call.of("api/v1/principals/" + spareOf.get(c.tenant()) + "/keys"),
            "200/200 403/403 403/403 200/404 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "issueKey",
            c ->
                Call.json(
                    "api/v1/principals/" + freshPrincipal("AGENT", c.tenant()) + "/keys",
                    "{\"label\":\"m\"}"),
            "201/201 403/403 403/403 201/404 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "revokeKey",
            c -> {
              String p = freshPrincipal("AGENT", c.tenant());
              return delete("api/v1/principals/" + p + "/keys/" + freshKey(p));
            },
            "200/200 403/403 403/403 200/404 403/403 403/403 403/403 403/403",
            401));
    // ---- the pool: data centers, targets, probes, ranking, placement, media, nodes
    rows.add(
        new Row(
            "listDataCenters",
            c -> Call.of("api/v1/data-centers"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "getDataCenter",
            c -> Call.of("api/v1/data-centers/local"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "createDataCenter",
            c ->
                Call.json(
                    "api/v1/data-centers", "{\"id\":\"" + unique("dc") + "\",\"link\":\"WAN\"}"),
            "201/201 201/201 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "updateDataCenter",
            c ->
                put(
                    "api/v1/data-centers/" + it.createDataCenter(unique("dc")),
                    "{\"link\":\"INTERNET\"}"),
            "200/200 200/200 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "issueEnrolmentToken",
            c -> Call.json("api/v1/data-centers/" + dataCenter + "/enrolment-tokens", ""),
            "201/201 201/201 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "listTargets",
            c -> Call.of("api/v1/targets"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "getTarget",
            c -> Call.of("api/v1/targets/local-disk"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "registerTarget",
            c ->
                Call.json(
                    "api/v1/targets",
                    "{\"id\":\""
                        + unique("tl")
                        + "\",\"dataCenter\":\"local\",\"kind\":\"TAPE_LIBRARY\","
                        + "\"endpoint\":\"mtx:/dev/sg97?drives=/dev/nst97\"}"),
            "201/201 201/201 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "updateTarget",
            c ->
                put(
                    "api/v1/targets/" + freshTarget(false),
                    "{\"endpoint\":\"mtx:/dev/sg98?drives=/dev/nst98\"}"),
            "200/200 200/200 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "activateTarget",
            c -> Call.json("api/v1/targets/" + freshTarget(false) + "/activate", ""),
            "200/200 200/200 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "drainTarget",
            c -> Call.json("api/v1/targets/" + freshTarget(true) + "/drain", ""),
            "200/200 200/200 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "retireTarget",
            c -> Call.json("api/v1/targets/" + freshTarget(false) + "/retire", ""),
            "200/200 200/200 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "listProbes",
            c -> Call.of("api/v1/targets/local-disk/probes?limit=1"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "probeTarget",
            c -> Call.json("api/v1/targets/" + freshTarget(false) + "/probes", ""),
            "201/201 201/201 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "rankPool",
            c -> Call.of("api/v1/pool"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "previewPlacement",
            c ->
                Call.json(
                    "api/v1/placements/preview", "{\"policy\":\"bronze\",\"sizeBytes\":1024}"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "listMedia",
            c -> Call.of("api/v1/media"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "getMedium",
            c -> Call.of("api/v1/media/NOSUCH01"),
            "404/404 404/404 404/404 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "listNodes",
            c -> Call.of("api/v1/nodes"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "enrolNode",
            c ->
                Call.json(
                    "api/v1/node-enrolments",
                    "{\"token\":\""
                        + token()
                        + "\",\"node\":\""
                        + unique("node")
                        + "\",\"url\":\"http://127.0.0.1:9/\"}"),
            "201/201 201/201 201/201 201/201 201/201 201/201 201/201 201/201",
            201));
    rows.add(
        new Row(
            "reportHeartbeat",
            c -> Call.json("api/v1/nodes/" + c.node() + "/heartbeats", heartbeat()),
            "403/403 403/403 403/403 403/403 403/403 403/403 403/403 204/404",
            401));
    // ---- policies
    rows.add(
        new Row(
            "listPolicies",
            c -> Call.of("api/v1/policies"),
            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 403/403",
            401));
    rows.add(
        new Row(
            "getPolicy",
            c -> Call.of("api/v1/policies/bronze"),
            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 403/403",
            401));
    rows.add(
        new Row(
            "listPolicyRevisions",
            c -> Call.of("api/v1/policies/bronze/revisions"),
            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 403/403",
            401));
    rows.add(
        new Row(
            "getPolicyRevision",
            c -> Call.of("api/v1/policies/bronze/revisions/1"),
            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 403/403",
            401));
    rows.add(
        new Row(
            "revisePolicy",
            c ->
                Call.json(
                    "api/v1/policies/" + unique("pol") + "/revisions",
                    "{\"copies\":1,\"retention\":\"P30D\",\"verificationInterval\":\"P30D\","
                        + "\"restoreTimeObjective\":\"PT72H\",\"pricePerGibMonth\":\"0.01\"}"),
            "201/201 403/403 403/403 403/403 403/403 403/403 403/403 403/403",
            401));
    // ---- the catalog
    rows.add(
        new Row(
            "listBackupSets",
            c -> Call.of("api/v1/backup-sets?tenant=" + c.tenant()),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "getBackupSet",
            c -> Call.of("api/v1/backup-sets/" + setOf.get(c.tenant())),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "defineBackupSet",
            c ->
                Call.json(
                    "api/v1/backup-sets",
                    "{\"id\":\""
                        + unique("set")
                        + "\",\"name\":\"m\",\"policy\":\"bronze\",\"tenant\":\""
                        + c.tenant()
                        + "\",\"agent\":\""
                        + agentOf.get(c.tenant())
                        + "\"}"),
            "201/201 403/403 403/403 201/404 201/404 201/404 201/404 403/403",
            401));
    rows.add(
        new Row(
            "listSnapshots",
            c -> Call.of("api/v1/backup-sets/" + setOf.get(c.tenant()) + "/snapshots"),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "getSnapshot",
            c -> Call.of("api/v1/snapshots/" + ABSENT_SNAPSHOT),
            "404/404 404/404 404/404 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "listAuditEvents",
            c -> Call.of("api/v1/audit?limit=1&tenant=" + c.tenant()),
            "200/200 403/403 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    rows.add(
        new Row(
            "getHealth",
            c -> Call.of("api/v1/health"),
            "200/200 200/200 200/200 403/403 403/403 403/403 403/403 403/403",
            401));
    // ---- a tenant's repository
    rows.add(
        new Row(
            "listRepositoryObjects",
            c -> Call.of("api/v1/tenants/" + c.tenant() + "/repository/objects"),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "getRepositoryObject",
            c -> Call.of(objectPath(c.tenant(), "config")),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "statRepositoryObject",
            c -> Call.of(objectPath(c.tenant(), "config")),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "putRepositoryObject",
            c ->
                new Call(
                    objectPath(c.tenant(), "keys/" + unique("k")),
                    "application/octet-stream",
                    new byte[] {1, 2, 3}),
            "201/201 403/403 403/403 201/404 201/404 201/404 201/404 403/403",
            401));
    rows.add(
        new Row(
            "deleteRepositoryObject",
            c -> {
              String lock = "locks/" + unique("l");
              Api.Reply r = admin.putBytes(objectPath(c.tenant(), lock), new byte[] {1});
              assertThat(r.status()).as(r.body()).isEqualTo(201);
              return delete(objectPath(c.tenant(), lock));
            },
            "204/204 403/403 403/403 204/404 204/404 204/404 204/404 403/403",
            401));
    rows.add(
        new Row(
            "listStoredPacks",
            c -> Call.of("api/v1/tenants/" + c.tenant() + "/repository/packs"),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "findReadSources",
            c ->
                Call.json(
                    "api/v1/tenants/" + c.tenant() + "/repository/read-sources",
                    "{\"packs\":[\"" + PACK + "\"]}"),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    // ---- backups and restores through the center (no live node, no snapshot: see the class)
    rows.add(
        new Row(
            "openBackupSession",
            c ->
                Call.json(
                    "api/v1/backup-sets/" + setOf.get(c.tenant()) + "/sessions",
                    "{\"signingKey\":\"" + "ab".repeat(32) + "\"}"),
            "503/503 403/403 403/403 503/404 503/404 503/404 503/404 403/403",
            401));
    rows.add(
        new Row(
            "reportSessionPacks",
            c ->
                Call.json(
                    "api/v1/sessions/nosuchsession/packs",
                    "{\"packs\":[{\"pack\":\"" + PACK + "\",\"length\":1}]}"),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "uploadPackThroughCenter",
            c ->
                new Call(
                    "api/v1/sessions/nosuchsession/packs/" + PACK,
                    "application/octet-stream",
                    new byte[] {1, 2, 3}),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "commitSnapshot",
            c ->
                Call.json(
                    "api/v1/sessions/nosuchsession/commit",
                    "{\"snapshot\":\""
                        + ABSENT_SNAPSHOT
                        + "\",\"sequence\":1,\"takenAt\":\"2026-01-01T00:00:00Z\","
                        + "\"sizeBytes\":1,\"packs\":[\""
                        + PACK
                        + "\"]}"),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    // ---- scheduled backups
    rows.add(
        new Row(
            "defineBackupJob",
            c -> Call.json("api/v1/backup-jobs", jobBody(c.tenant(), unique("job"))),
            "201/201 403/403 403/403 201/404 201/404 201/404 201/404 403/403",
            401));
    rows.add(
        new Row(
            "listBackupJobs",
            c -> Call.of("api/v1/backup-jobs?tenant=" + c.tenant()),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "getBackupJob",
            c -> Call.of("api/v1/backup-jobs/" + jobOf.get(c.tenant())),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "redefineBackupJob",
            c -> put("api/v1/backup-jobs/" + jobOf.get(c.tenant()), jobBody(c.tenant(), null)),
            "200/200 403/403 403/403 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "deleteBackupJob",
            c -> {
              Api.Reply made =
                  admin.post("api/v1/backup-jobs", jobBody(c.tenant(), unique("gone")));
              assertThat(made.status()).as(made.body()).isEqualTo(201);
              return delete("api/v1/backup-jobs/" + made.json().getString("id"));
            },
            "204/204 403/403 403/403 204/404 204/404 204/404 204/404 403/403",
            401));
    rows.add(
        new Row(
            "runBackupJobNow",
            c -> Call.json("api/v1/backup-jobs/" + jobOf.get(c.tenant()) + "/runs", "{}"),
            "201/201 403/403 403/403 201/404 201/404 201/404 201/404 403/403",
            401));
    rows.add(
        new Row(
            "listJobRuns",
            c -> Call.of("api/v1/backup-jobs/" + jobOf.get(c.tenant()) + "/runs"),
            "200/200 200/200 200/200 200/404 200/404 200/404 200/404 403/403",
            401));
    rows.add(
        new Row(
            "getJobRun",
            c -> Call.of("api/v1/job-runs/" + ABSENT_RESTORE),
            "404/404 404/404 404/404 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "listJobRunEvents",
            c -> Call.of("api/v1/job-runs/" + ABSENT_RESTORE + "/events"),
            "404/404 404/404 404/404 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "reportJobRun",
            c ->
                Call.json(
                    "api/v1/job-runs/" + ABSENT_RESTORE + "/reports",
                    "{\"status\":\"RUNNING\",\"bytesDone\":0,\"filesDone\":0}"),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "pollAgentWork",
            c -> Call.of("api/v1/agents/me/work?wait=0"),
            "403/403 403/403 403/403 403/403 403/403 204/204 403/403 403/403",
            401));
    rows.add(
        new Row(
            "requestRestore",
            c ->
                Call.json(
                    "api/v1/restores",
                    "{\"snapshot\":\"" + ABSENT_SNAPSHOT + "\",\"directory\":\"/tmp/r\"}"),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "estimateRestore",
            c ->
                Call.json("api/v1/restores/estimate", "{\"snapshot\":\"" + ABSENT_SNAPSHOT + "\"}"),
            "404/404 404/404 404/404 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "listRestores",
            c -> Call.of("api/v1/restores"),
            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 403/403",
            401));
    rows.add(
        new Row(
            "getRestore",
            c -> Call.of("api/v1/restores/" + ABSENT_RESTORE),
            "404/404 404/404 404/404 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "listRestoreEvents",
            c -> Call.of("api/v1/restores/" + ABSENT_RESTORE + "/events"),
            "404/404 404/404 404/404 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "restoreSources",
            c ->
                Call.json(
                    "api/v1/restores/" + ABSENT_RESTORE + "/sources",
                    "{\"packs\":[\"" + PACK + "\"]}"),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "reportRestore",
            c ->
                Call.json(
                    "api/v1/restores/" + ABSENT_RESTORE + "/reports",
                    "{\"status\":\"RUNNING\",\"bytesDone\":1,\"filesDone\":1}"),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    rows.add(
        new Row(
            "cancelRestore",
            c -> Call.json("api/v1/restores/" + ABSENT_RESTORE + "/cancel", ""),
            "404/404 403/403 403/403 404/404 404/404 404/404 404/404 403/403",
            401));
    return rows;
  }

  /**
   * A disabled job of tenant {@code t} for the spare agent, which no caller is: runs it queues are
   * never claimed by the agent in the table.
   */
  private String jobBody(String t, String id) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"tenant\":\""
        + t
        + "\",\"backupSet\":\""
        + setOf.get(t)
        + "\",\"agent\":\""
        + spareOf.get(t)
        + "\",\"paths\":[\"/home\"],\"cron\":\"0 0 3 * * ?\",\"enabled\":false}";
  }

  private static Call put(String path, String json) {
    return Call.json(path, json);
  }

  private static Call delete(String path) {
    return Call.of(path);
  }

  /** An operation of the document: its method, its path, and the statuses it declares. */
  record Operation(String method, String path, Set<String> declared) {}

  /**
   * Runs every row in every cell and returns every mismatch, and fails when an operation of the
   * document has no row or a row no operation.
   */
  List<String> run(Map<String, Operation> document) {
    List<Row> rows = rows();
    Set<String> tabled = new TreeSet<>();
    rows.forEach(r -> tabled.add(r.operationId()));
    assertThat(tabled)
        .as(
            "every operation of /openapi has a row in AuthorizationMatrix.rows() (add one for a"
                + " new endpoint, with the status each caller must get)")
        .containsAll(document.keySet());
    assertThat(document.keySet())
        .as("rows of operations that /openapi no longer has")
        .containsAll(tabled);
    List<String> mismatches = new ArrayList<>();
    for (Row row : rows) {
      Operation op = document.get(row.operationId());
      String[] cells = row.expected().trim().split("\\s+");
      assertThat(cells).as(row.operationId() + ": one own/other pair per caller").hasSize(8);
      Who[] who = Who.values();
      for (int i = 0; i < who.length; i++) {
        String[] pair = cells[i].split("/");
        for (int k = 0; k < 2; k++) {
          boolean ownCell = k == 0;
          Cell cell = new Cell(ownCell ? own : other, ownCell, ownCell ? ownNode : otherNode);
          int want = Integer.parseInt(pair[k]);
          check(
              mismatches,
              op,
              row,
              who[i] + (ownCell ? "/own" : "/other"),
              callers.get(who[i]),
              cell,
              want);
        }
      }
      check(
          mismatches,
          op,
          row,
          "anonymous",
          it.anonymous(),
          new Cell(own, true, ownNode),
          row.anonymous());
    }
    return mismatches;
  }

  private void check(
      List<String> mismatches, Operation op, Row row, String who, Api caller, Cell cell, int want) {
    Call call = row.call().apply(cell);
    Api.Reply r = caller.send(request(op.method(), call));
    String where = row.operationId() + " " + who;
    if (r.status() != want) {
      mismatches.add(
          where + ": expected " + want + ", got " + r.status() + " " + abbreviate(r.body()));
    }
    if (!op.declared().contains(Integer.toString(r.status()))) {
      mismatches.add(
          where + ": answered " + r.status() + ", which /openapi does not declare for it");
    }
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 200 ? String.valueOf(body) : body.substring(0, 200);
  }

  private HttpRequest.Builder request(String method, Call call) {
    HttpRequest.Builder b = HttpRequest.newBuilder(it.root().resolve(call.path()));
    String type = call.contentType();
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body());
    if (type != null) {
      b.header("Content-Type", type);
    }
    return b.method(method, body);
  }

  /** The operations of the served document, by operation id. */
  static Map<String, Operation> operations(JsonObject document) {
    Map<String, Operation> ops = new LinkedHashMap<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!Set.of("get", "put", "post", "delete", "head", "patch", "options").contains(method)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        String id = op.getString("operationId", method + " " + path);
        assertThat(ops).as("operation ids are unique: " + id).doesNotContainKey(id);
        ops.put(
            id,
            new Operation(
                method.toUpperCase(java.util.Locale.ROOT),
                path,
                new TreeSet<>(op.getJsonObject("responses").keySet())));
      }
    }
    return ops;
  }
}
