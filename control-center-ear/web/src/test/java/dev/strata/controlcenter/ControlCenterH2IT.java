package dev.strata.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.client.ApiClient;
import dev.strata.client.ApiException;
import dev.strata.client.api.CatalogApi;
import dev.strata.client.api.IdentityApi;
import dev.strata.client.api.PoliciesApi;
import dev.strata.client.api.PoolApi;
import dev.strata.client.model.BackupSetRequest;
import dev.strata.client.model.KeyRequest;
import dev.strata.client.model.PlacementPreview;
import dev.strata.client.model.PlacementPreviewRequest;
import dev.strata.client.model.Policy;
import dev.strata.client.model.PrincipalRequest;
import dev.strata.client.model.RankedTarget;
import dev.strata.client.model.Role;
import dev.strata.client.model.TenantRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST slice on the embedded default catalog (H2 files in the data directory); and, once (they
 * do not depend on the catalog), the API as its clients meet it: the document served at {@code
 * /openapi} is the committed {@code docs/api/openapi.yaml}, and every operation in it answers every
 * caller as {@link AuthorizationMatrix} says.
 */
@ExtendWith(ArquillianExtension.class)
class ControlCenterH2IT extends ControlCenterContract {

  @Override
  String dataDirName() {
    return "h2";
  }

  @Deployment(testable = false)
  @TargetsContainer("micro-h2")
  static WebArchive deployment() {
    return shippedWar("h2");
  }

  @Test
  void theServedApiDocumentIsTheCommittedOne() throws IOException {
    Api.Reply r = anonymous().get("/openapi");
    assertThat(r.status()).isEqualTo(200);
    Path committed = Path.of(System.getProperty("strata.openapi.committed"));
    Path copy = Path.of(System.getProperty("strata.openapi.served"));
    // Payara writes a path's operations in no fixed order: the document is compared as data, and
    // written for people with each path's operations in one order.
    Map<String, Object> served = ApiDocuments.read(r.body());
    Files.writeString(copy, ApiDocuments.write(served));
    if (Boolean.getBoolean("strata.openapi.update")) {
      Files.writeString(committed, ApiDocuments.write(served));
    }
    List<String> differences =
        ApiDocuments.differences(ApiDocuments.read(Files.readString(committed)), served);
    assertThat(differences)
        .as(
            "%s differs from the document the control center serves (committed -> served)."
                + " Review the change, then take the served document: cp %s %s (or run this test"
                + " with -Dstrata.openapi.update=true)",
            committed, copy, committed)
        .isEmpty();
  }

  @Test
  void everyOperationAnswersEveryCallerAsTheAuthorizationMatrixSays() {
    Api.Reply r = anonymous().get("/openapi?format=json");
    assertThat(r.status()).isEqualTo(200);
    List<String> mismatches =
        new AuthorizationMatrix(this).run(AuthorizationMatrix.operations(r.json()));
    assertThat(mismatches).as("calls that did not answer as the matrix says").isEmpty();
  }

  /** A client generated from docs/api/openapi.yaml, sending {@code authorization}. */
  private ApiClient generatedClient(String authorization) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(root().resolve("/").toString().replaceAll("/$", ""));
    client.setRequestInterceptor(b -> b.header("Authorization", authorization));
    return client;
  }

  @Test
  void aClientGeneratedFromTheCommittedDocumentTakesTheReadmeTour() throws ApiException {
    ApiClient asAdmin = generatedClient(Api.basic("admin", adminPassword()));
    IdentityApi identity = new IdentityApi(asAdmin);
    String acme = unique("acme");
    assertThat(identity.createTenant(new TenantRequest().id(acme).name("Acme Corp")).getId())
        .isEqualTo(acme);
    String agent = unique("laptop") + "@" + acme;
    identity.createPrincipal(
        new PrincipalRequest().name(agent).role(PrincipalRequest.RoleEnum.AGENT).tenant(acme));
    String token = identity.issueKey(agent, new KeyRequest().label("tour")).getToken();
    ApiClient asAgent = generatedClient(Api.bearer(token));
    assertThat(new IdentityApi(asAgent).whoAmI().getRole()).isEqualTo(Role.AGENT);

    List<Policy> policies = new PoliciesApi(asAgent).listPolicies();
    assertThat(policies).extracting(Policy::getName).contains("gold", "silver", "bronze");
    String set = unique("laptop-home");
    new CatalogApi(asAgent)
        .defineBackupSet(new BackupSetRequest().id(set).name("Home directory").policy("bronze"));

    List<RankedTarget> pool = new PoolApi(asAdmin).rankPool(null, null, null);
    assertThat(pool).extracting(RankedTarget::getTarget).contains("local-disk", "local-vtl");
    assertThat(pool.get(0).getRank()).isEqualTo(1);
    PlacementPreview bronze =
        new PoolApi(asAdmin)
            .previewPlacement(
                new PlacementPreviewRequest()
                    .policy("bronze")
                    .sizeBytes(BigDecimal.valueOf(1L << 30)));
    assertThat(bronze.getSatisfiable()).isTrue();
    assertThat(bronze.getCopies()).isNotEmpty();

    String globex = unique("globex");
    identity.createTenant(new TenantRequest().id(globex));
    String eve = unique("eve") + "@" + globex;
    identity.createPrincipal(
        new PrincipalRequest()
            .name(eve)
            .role(PrincipalRequest.RoleEnum.TENANT_ADMIN)
            .tenant(globex)
            .password("a long passphrase"));
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                new CatalogApi(generatedClient(Api.basic(eve, "a long passphrase")))
                    .getBackupSet(set));
    assertThat(refused.getCode()).isEqualTo(404);
    assertThat(refused.getResponseBody()).contains("urn:strata:problem:not-found");
  }
}
