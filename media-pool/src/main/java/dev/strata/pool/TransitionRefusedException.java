package dev.strata.pool;

/**
 * A life-cycle transition that the current state does not allow (a retired target never becomes
 * active again, a lost copy is never verified). Nothing changed; adapters answer it as a conflict
 * with the resource's current state.
 */
public final class TransitionRefusedException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String from;
  private final String transition;

  public TransitionRefusedException(
      String what, Object id, Enum<?> from, String transition, String why) {
    super(
        what
            + " '"
            + id
            + "' cannot "
            + transition
            + " from state "
            + from
            + (why == null || why.isEmpty() ? "" : ": " + why));
    this.from = from.name();
    this.transition = transition;
  }

  /** The state the object was in (an enum name). */
  public String from() {
    return from;
  }

  /** The refused transition, as its method is named ({@code activate}, {@code retire}, ...). */
  public String transition() {
    return transition;
  }
}
