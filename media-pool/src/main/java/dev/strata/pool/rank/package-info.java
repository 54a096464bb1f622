/**
 * The media service pool: every target ranked by the service it really delivered. A {@link
 * dev.strata.pool.rank.TargetScore} is computed from the probe history in a window and the
 * verification results of its copies; it reports each component (raw value, normalised value,
 * weight, contribution) next to the total so an operator sees why a target ranks where it does. The
 * {@link dev.strata.pool.rank.ServiceState} is derived from the same history with hysteresis, never
 * stored. The formula and its reasons are in {@code docs/ranking.md}.
 */
package dev.strata.pool.rank;
