package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.format.repo.PathBytes;
import dev.strata.format.repo.TreeEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules a tree keeps, and the two orders of its versions. */
class TreeRulesTest {
  private static TreeEntry e(TreeEntry.Kind kind, String path, String target) {
    return new TreeEntry(kind, path, 0644, 0, 0, 0, 0, 0, 0, target, List.of());
  }

  private static TreeEntry dir(String path) {
    return e(TreeEntry.Kind.DIRECTORY, path, "");
  }

  private static TreeEntry file(String path) {
    return e(TreeEntry.Kind.FILE, path, "");
  }

  private static List<Optional<String>> check(int version, TreeEntry... entries) {
    TreeRules rules = new TreeRules();
    List<Optional<String>> out = new ArrayList<>();
    for (TreeEntry x : entries) {
      out.add(rules.check(x, version));
    }
    return out;
  }

  private static String raw(String latin1) {
    return PathBytes.decode(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void theWalkersOrderIsByteOrderAndVersion1sIsUtf16Order() {
    // U+FF01 sorts after U+1F4C1 as UTF-16 (0xFF01 > 0xD83D) but before it as bytes (EF < F0).
    String bmp = "a/\uFF01";
    String astral = "a/\uD83D\uDCC1";
    assertThat(PathOrder.INSTANCE.compare(bmp, astral)).isNegative();
    assertThat(PathOrder.UTF16.compare(bmp, astral)).isPositive();
    // A byte that is not UTF-8 sorts by its value, after ASCII and before U+00C0's C3.
    assertThat(PathOrder.INSTANCE.compare("a/z", raw("a/\u0080"))).isNegative();
    assertThat(PathOrder.INSTANCE.compare(raw("a/\u00c2"), "a/\u00c0")).isNegative();
    // The separator sorts first: a directory's contents come right after it.
    assertThat(PathOrder.INSTANCE.compare("a/b", "a!")).isNegative();
    assertThat(PathOrder.INSTANCE.compare(raw("a\u00ff/b"), raw("a\u00ff!"))).isNegative();

    assertThat(check(1, dir("a"), file(astral), file(bmp))).allMatch(Optional::isEmpty);
    assertThat(check(2, dir("a"), file(bmp), file(astral))).allMatch(Optional::isEmpty);
    assertThat(check(2, dir("a"), file(astral), file(bmp)).get(2))
        .get()
        .asString()
        .contains("order");
  }

  @Test
  void aTreeOfValidEntriesPasses() {
    assertThat(
            check(
                2,
                dir("a"),
                file("a/f"),
                e(TreeEntry.Kind.HARDLINK, "a/g", "a/f"),
                e(TreeEntry.Kind.SYMLINK, "a/l", "/anywhere/../at/all"),
                dir("a/sub"),
                file("a/sub/x"),
                file("b")))
        .allMatch(Optional::isEmpty);
  }

  @Test
  void everyRuleIsNamedWhenBroken() {
    List<Optional<String>> r =
        check(
            2,
            dir("a"),
            dir("a"),
            file("a/f"),
            file("a/f/x"),
            e(TreeEntry.Kind.HARDLINK, "a/h", "a/missing"),
            e(TreeEntry.Kind.HARDLINK, "a/i", "a"),
            e(TreeEntry.Kind.HARDLINK, "a/j", "../a/f"),
            e(TreeEntry.Kind.SYMLINK, "a/k", ""),
            e(TreeEntry.Kind.SYMLINK, "a/l", "x\0y"),
            file("a/m\0n"),
            file("b/orphan"),
            file("c/./x"),
            file("d".repeat(256)),
            file("/abs"));
    assertThat(r.get(0)).isEmpty();
    assertThat(r.get(1)).get().asString().contains("duplicate");
    assertThat(r.get(2)).isEmpty();
    assertThat(r.get(3)).get().asString().contains("not a directory");
    assertThat(r.get(4)).get().asString().contains("not a file entry before it");
    assertThat(r.get(5)).get().asString().contains("not a file entry before it");
    assertThat(r.get(6)).get().asString().contains("'..' segment");
    assertThat(r.get(7)).get().asString().contains("without a target");
    assertThat(r.get(8)).get().asString().contains("NUL");
    assertThat(r.get(9)).get().asString().contains("NUL");
    assertThat(r.get(10)).get().asString().contains("'b' is not in the tree");
    assertThat(r.get(11)).get().asString().contains("'.'");
    assertThat(r.get(12)).get().asString().contains("longer than 255 bytes");
    assertThat(r.get(13)).get().asString().contains("absolute");
  }

  @Test
  void whatIsUnderARefusedDirectoryIsRefusedToo() {
    List<Optional<String>> r =
        check(2, dir("a"), e(TreeEntry.Kind.SYMLINK, "a/b", ""), file("a/b/c"), file("a/d"));
    assertThat(r.get(1)).isPresent();
    assertThat(r.get(2)).get().asString().contains("'a/b' is not in the tree or was refused");
    assertThat(r.get(3)).isEmpty();
  }

  @Test
  void aTreeMixingVersionsIsRefusedFromTheFirstChange() {
    TreeRules rules = new TreeRules();
    assertThat(rules.check(dir("a"), 2)).isEmpty();
    assertThat(rules.check(file("a/x"), 1)).get().asString().contains("version 1");
  }
}
