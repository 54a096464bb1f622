package dev.strata.controlcenter.application;

import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.policy.DefaultPolicies;
import dev.strata.pool.policy.PolicyName;
import dev.strata.pool.policy.PolicyTerms;
import dev.strata.pool.policy.QosPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;

/**
 * The QoS policies tenants choose from: what a backup set is promised. A policy is never edited in
 * place: a revision makes its next version, and backup sets record the revision they were planned
 * under. Each public method is one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class PolicyService {

  @Inject PolicyRepository policies;
  @Inject Clock clock;

  /** The revision in force of every policy. */
  public List<QosPolicy> policies(Caller caller) {
    caller.require(Permission.POLICIES_READ);
    return policies.current();
  }

  public QosPolicy policy(Caller caller, PolicyName name) {
    caller.require(Permission.POLICIES_READ);
    return policies.inForce(name);
  }

  public List<QosPolicy> revisions(Caller caller, PolicyName name) {
    caller.require(Permission.POLICIES_READ);
    List<QosPolicy> all = policies.revisions(name);
    if (all.isEmpty()) {
      throw new UnknownIdentityException("policy", name);
    }
    return all;
  }

  public QosPolicy revision(Caller caller, PolicyName name, int revision) {
    caller.require(Permission.POLICIES_READ);
    return policies
        .revision(name, revision)
        .orElseThrow(() -> new UnknownIdentityException("policy revision", name + "@" + revision));
  }

  /**
   * Makes the next revision of a policy (revision 1 of a new name); backup sets planned under an
   * older revision are outdated from now on. Two concurrent revisions of one policy: one is a 409.
   */
  public QosPolicy revise(Caller caller, PolicyName name, PolicyTerms terms) {
    caller.require(Permission.POLICIES_MANAGE);
    QosPolicy next =
        policies
            .current(name)
            .map(p -> p.revise(terms, clock.instant()))
            .orElseGet(() -> QosPolicy.define(name, terms, clock.instant()));
    policies.add(next);
    return next;
  }

  /** On a catalog without any policy: the documented defaults gold, silver and bronze. */
  public int seedDefaults(Caller caller) {
    caller.require(Permission.POLICIES_MANAGE);
    if (!policies.isEmpty()) {
      return 0;
    }
    List<QosPolicy> defaults = DefaultPolicies.all(clock.instant());
    defaults.forEach(policies::add);
    return defaults.size();
  }
}
