package dev.strata.controlcenter.application;

import dev.strata.pool.EnrolmentToken;
import java.util.Optional;

/** The enrolment tokens issued to storage nodes (hashes of their secrets). */
public interface EnrolmentTokenRepository {
  Optional<EnrolmentToken> find(String id);

  void add(EnrolmentToken token);
}
