package dev.strata.controlcenter.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.AccessDeniedException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
  private final ProblemMapper mapper = new ProblemMapper();

  @Test
  void aConcurrentUpdateLostAtFlushIsAVersionConflictNotAServerError() {
    assertThat(mapper.problem(new OptimisticLockException("row was updated")).status())
        .isEqualTo(412);
    assertThat(
            mapper
                .problem(
                    new EJBException(
                        new PersistenceException(new OptimisticLockException("stale"))))
                .status())
        .isEqualTo(412);
  }

  @Test
  void aRoleThatDoesNotAllowTheOperationIsForbidden() {
    Problem p = mapper.problem(new AccessDeniedException("no"));
    assertThat(p.status()).isEqualTo(403);
    assertThat(p.type()).isEqualTo(Problem.FORBIDDEN);
  }

  @Test
  void anythingElseIsAnInternalErrorWithAReferenceButNoDetails() {
    Problem p = mapper.problem(new IllegalStateException("secret internals"));
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.detail()).doesNotContain("secret internals").contains("reference");
  }
}
