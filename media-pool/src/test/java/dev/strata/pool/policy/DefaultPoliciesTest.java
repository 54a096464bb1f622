package dev.strata.pool.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.MediaClass;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The defaults are data documented in docs/policies.md: the table and the class must agree. */
class DefaultPoliciesTest {
  private static final Path DOC = Path.of("..", "docs", "policies.md");

  private static String num(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static Map<String, Function<PolicyTerms, String>> columns() {
    Map<String, Function<PolicyTerms, String>> c = new LinkedHashMap<>();
    c.put("copies", t -> "" + t.copies());
    c.put("minDataCenters", t -> "" + t.minDataCenters());
    c.put("min TAPE copies", t -> "" + t.minCopies(MediaClass.TAPE));
    c.put("min DISK copies", t -> "" + t.minCopies(MediaClass.DISK));
    c.put("min OBJECT copies", t -> "" + t.minCopies(MediaClass.OBJECT));
    c.put("immutability (days)", t -> "" + t.immutability().toDays());
    c.put("retention (days)", t -> "" + t.retention().toDays());
    c.put("verification interval (days)", t -> "" + t.verificationInterval().toDays());
    c.put("verification depth (%)", t -> "" + t.verificationDepth().percent());
    c.put("floor: min availability (%)", t -> num(t.floor().minAvailability() * 100));
    c.put("floor: min write (MB/s)", t -> "" + t.floor().minWriteBytesPerSecond() / 1_000_000);
    c.put("floor: min read (MB/s)", t -> "" + t.floor().minReadBytesPerSecond() / 1_000_000);
    c.put("floor: max error rate (%)", t -> num(t.floor().maxErrorRate() * 100));
    c.put("restore-time objective (hours)", t -> "" + t.restoreTimeObjective().toHours());
    c.put("price per GiB-month", t -> t.price().toString());
    return c;
  }

  @Test
  void theDocumentedTableIsTheData() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
      String[] cells = line.split("\\|");
      if (cells.length == 5 && columns().containsKey(cells[1].strip())) {
        rows.put(cells[1].strip(), List.of(cells[2].strip(), cells[3].strip(), cells[4].strip()));
      }
    }
    assertThat(rows.keySet()).containsExactlyElementsOf(columns().keySet());
    List<PolicyTerms> defaults =
        List.of(DefaultPolicies.gold(), DefaultPolicies.silver(), DefaultPolicies.bronze());
    columns()
        .forEach(
            (term, value) ->
                assertThat(rows.get(term))
                    .as(term)
                    .containsExactly(
                        value.apply(defaults.get(0)),
                        value.apply(defaults.get(1)),
                        value.apply(defaults.get(2))));
  }

  @Test
  void theDefaultsAreRevisionOneUnderTheirNames() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(DefaultPolicies.all(t))
        .extracting(QosPolicy::ref)
        .containsExactly(
            PolicyRef.of("gold", 1), PolicyRef.of("silver", 1), PolicyRef.of("bronze", 1));
  }
}
