package dev.strata.controlcenter.infrastructure.archfixture;

import dev.strata.controlcenter.interfaces.rest.Problem;

/** Breaks a layering rule on purpose: infrastructure that depends on the REST interface. */
public class KnowsTheRestApi {
  Problem problem;
}
