/**
 * The placement planner: given a policy, the ranked pool and the copies that exist, it chooses a
 * target for every missing copy, honouring the data-center spread, the media classes, the
 * restore-time objective, the service floor, capacity and target state, preferring high scores and
 * low cost, and explains every choice and every rejection. Plain Java, deterministic: equal inputs
 * give equal plans whatever the order of the candidates. The algorithm and its proof are in {@code
 * docs/decisions/0021-placement-greedy-with-exact-feasibility.md}.
 */
package dev.strata.pool.placement;
