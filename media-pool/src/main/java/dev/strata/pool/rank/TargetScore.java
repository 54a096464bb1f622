package dev.strata.pool.rank;

import dev.strata.pool.TargetId;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A target's place in the media service pool: the total (0..100, the sum of the components'
 * contributions), the state derived with hysteresis, the figures measured, and every component so
 * the total can be explained.
 */
public record TargetScore(
    TargetId target,
    double total,
    ServiceState state,
    ServiceFigures figures,
    List<ScoreComponent> components) {

  public TargetScore {
    components = List.copyOf(components);
  }

  public ScoreComponent component(Component c) {
    for (ScoreComponent sc : components) {
      if (sc.component() == c) {
        return sc;
      }
    }
    throw new NoSuchElementException(c.name());
  }
}
