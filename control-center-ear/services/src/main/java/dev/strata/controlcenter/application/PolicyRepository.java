package dev.strata.controlcenter.application;

import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.policy.PolicyName;
import dev.strata.pool.policy.QosPolicy;
import java.util.List;
import java.util.Optional;

/** The QoS policies in the catalog: every revision of every policy. */
public interface PolicyRepository {
  /** The revision in force (the newest) of every policy, in name order. */
  List<QosPolicy> current();

  Optional<QosPolicy> current(PolicyName name);

  /** The revision in force of {@code name}; an unknown name is a 404. */
  default QosPolicy inForce(PolicyName name) {
    return current(name).orElseThrow(() -> new UnknownIdentityException("policy", name));
  }

  Optional<QosPolicy> revision(PolicyName name, int revision);

  /** Every revision of {@code name}, oldest first. */
  List<QosPolicy> revisions(PolicyName name);

  boolean isEmpty();

  /** Adds a revision; one that another request wrote first under the same number is a 409. */
  void add(QosPolicy policy);
}
