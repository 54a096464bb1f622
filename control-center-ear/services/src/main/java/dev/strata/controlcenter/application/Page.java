package dev.strata.controlcenter.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a listing and the key to ask for the next one (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page of {@code fetched}, which a repository read with one item more than asked: that extra
   * item only tells that a next page exists.
   */
  public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, String> key) {
    if (fetched.size() <= request.limit()) {
      return new Page<>(fetched, Optional.empty());
    }
    List<T> items = fetched.subList(0, request.limit());
    return new Page<>(items, Optional.of(key.apply(items.get(items.size() - 1))));
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), next);
  }
}
