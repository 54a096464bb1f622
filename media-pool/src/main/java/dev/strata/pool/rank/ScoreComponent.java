package dev.strata.pool.rank;

import java.util.OptionalDouble;

/**
 * One part of a target's score, laid out so an operator can follow the arithmetic: the measured
 * value, what it became on the common 0..1 scale, the weight of that part, and the points it gave
 * ({@code normalised * weight}). Absent measurements say so in {@code note}.
 *
 * @param raw the measured value in {@code component.unit()}, empty when nothing was measured
 * @param normalised 0 (worst) .. 1 (best)
 * @param weight points this component is worth out of the model's total
 * @param contribution points given: {@code normalised * weight}
 * @param note why the value is what it is when it is not simply measured (never {@code null})
 */
public record ScoreComponent(
    Component component,
    OptionalDouble raw,
    double normalised,
    double weight,
    double contribution,
    String note) {

  public String unit() {
    return component.unit();
  }
}
