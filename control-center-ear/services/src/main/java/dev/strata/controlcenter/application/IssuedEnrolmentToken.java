package dev.strata.controlcenter.application;

import dev.strata.pool.EnrolmentToken;

/** An enrolment token just issued, with the one and only copy of its text. */
public record IssuedEnrolmentToken(EnrolmentToken token, String text) {
  /** Never the token's text. */
  @Override
  public String toString() {
    return "IssuedEnrolmentToken[" + token.id() + "]";
  }
}
