package dev.strata.controlcenter.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.NetworkLink;
import dev.strata.pool.TargetKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonReaderTest {

  private static <R extends Record> R read(Class<R> type, String json) {
    return StrictJsonReader.read(
        type,
        StrictJsonReader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
  }

  private static List<FieldError> errors(Class<? extends Record> type, String json) {
    try {
      read(type, json);
    } catch (InvalidRequestException e) {
      return e.errors();
    }
    throw new AssertionError("accepted " + json);
  }

  @Test
  void readsAllTypesOfARequest() {
    TargetRequest r =
        read(
            TargetRequest.class,
            "{\"id\":\"t\",\"dataCenter\":\"dc\",\"kind\":\"VTL\",\"endpoint\":\"vtl:/x\","
                + "\"capacityBytes\":1000,\"name\":null}");
    assertThat(r.kind()).isEqualTo(TargetKind.VTL);
    assertThat(r.capacityBytes()).isEqualTo(1000L);
    assertThat(r.name()).isNull();
    assertThat(r.state()).isNull();
  }

  @Test
  void acceptsIntegralNumbersWrittenWithAFraction() {
    TargetRequest r =
        read(
            TargetRequest.class,
            "{\"id\":\"t\",\"dataCenter\":\"dc\",\"kind\":\"VTL\",\"endpoint\":\"vtl:/x\",\"capacityBytes\":2.0}");
    assertThat(r.capacityBytes()).isEqualTo(2L);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    List<FieldError> e =
        errors(
            DataCenterRequest.class,
            "{\"id\":7,\"link\":\"PIGEON\",\"nmae\":\"typo\",\"location\":[]}");
    assertThat(e)
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("nmae", "id", "link", "location");
    assertThat(e)
        .filteredOn(f -> f.field().equals("link"))
        .first()
        .extracting(FieldError::message)
        .asString()
        .contains("PIGEON")
        .contains(NetworkLink.FIBRE_CHANNEL.name());
  }

  @Test
  void requiredFieldsMayNotBeMissingOrNull() {
    assertThat(errors(DataCenterRequest.class, "{\"id\":null}"))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("id", "link");
  }

  @Test
  void numbersOutsideTheTypeOrWithAFractionAreRefused() {
    String base = "{\"id\":\"t\",\"dataCenter\":\"dc\",\"kind\":\"VTL\",\"endpoint\":\"vtl:/x\",";
    assertThat(errors(TargetRequest.class, base + "\"capacityBytes\":9223372036854775808}"))
        .extracting(FieldError::message)
        .first()
        .asString()
        .contains("between");
    assertThat(errors(TargetRequest.class, base + "\"capacityBytes\":0.5}"))
        .extracting(FieldError::message)
        .containsExactly("must be an integer");
    assertThat(errors(TargetRequest.class, base + "\"capacityBytes\":\"12\"}"))
        .extracting(FieldError::field)
        .containsExactly("capacityBytes");
  }

  @Test
  void malformedOrNonObjectBodiesNameTheBody() {
    for (String body : new String[] {"", "{", "[]", "\"x\"", "{\"id\":}", "{} {}"}) {
      assertThatThrownBy(() -> read(DataCenterRequest.class, body))
          .as(body)
          .isInstanceOf(InvalidRequestException.class)
          .satisfies(
              e ->
                  assertThat(((InvalidRequestException) e).errors())
                      .extracting(FieldError::field)
                      .containsExactly("body"));
    }
  }

  @Test
  void deepNestingAndHugeNumbersAreBadRequestsNotServerErrors() {
    String deep = "{\"id\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    String longNumber = "{\"id\":\"x\",\"link\":\"WAN\",\"n\":" + "9".repeat(100_000) + "}";
    String longExponent = "{\"capacityBytes\":1e999999999}";
    for (String body : new String[] {deep, longNumber}) {
      assertThatThrownBy(() -> read(DataCenterRequest.class, body))
          .isInstanceOf(InvalidRequestException.class)
          .satisfies(
              e ->
                  assertThat(((InvalidRequestException) e).errors())
                      .extracting(FieldError::field)
                      .containsExactly("body"));
    }
    assertThat(errors(TargetRequest.class, longExponent)).isNotEmpty();
  }

  @Test
  void problemsRenderAsRfc9457Json() {
    String json =
        new Problem(
                Problem.INVALID_REQUEST,
                "Invalid request",
                400,
                "bad \"id\"",
                "/api/v1/x",
                List.of(new FieldError("id", "is required")))
            .toJson();
    assertThat(json)
        .contains("\"type\":\"urn:strata:problem:invalid-request\"")
        .contains("\"status\":400")
        .contains("\"detail\":\"bad \\\"id\\\"\"")
        .contains("\"errors\":[{\"field\":\"id\",\"message\":\"is required\"}]");
    assertThat(new Problem(null, "Not Found", 404, null, null, null).toJson())
        .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}");
  }

  @Test
  void refusesAFieldGivenTwiceInsteadOfKeepingTheLast() {
    assertThatThrownBy(
            () -> read(TenantRequest.class, "{\"id\":\"acme\",\"name\":\"x\",\"id\":\"globex\"}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'id' is given twice");
    assertThat(read(TenantRequest.class, "{\"id\":\"acme\",\"name\":\"x\"}").id())
        .isEqualTo("acme");
  }

  @Test
  void refusesAStringThatIsNotUnicodeText() {
    // An unpaired surrogate used to be stored as '?'.
    assertThatThrownBy(() -> read(TenantRequest.class, "{\"id\":\"t\",\"name\":\"a\\ud800b\"}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("surrogate");
    assertThatThrownBy(() -> read(TenantRequest.class, "{\"id\":\"t\",\"name\":\"\\udc00\"}"))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(read(TenantRequest.class, "{\"id\":\"t\",\"name\":\"\\ud83d\\ude00\"}").name())
        .isEqualTo("\ud83d\ude00");
  }
}
