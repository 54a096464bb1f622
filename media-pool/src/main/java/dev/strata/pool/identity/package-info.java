/**
 * Who may do what: tenants, the principals that act (operators, tenant members, agents on protected
 * machines, line-of-business applications), their roles and what each role permits, API keys, and
 * the append-only audit trail of every state change. Plain Java like the rest of the domain; the
 * control center authenticates callers and enforces these rules.
 */
package dev.strata.pool.identity;
