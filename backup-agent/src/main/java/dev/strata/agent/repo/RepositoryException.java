package dev.strata.agent.repo;

/**
 * A failure the user can act on (wrong passphrase, no repository there, a repository that already
 * exists, an unknown snapshot): its message is printed as it is, without a stack trace.
 */
public class RepositoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public RepositoryException(String message) {
    super(message);
  }

  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
