package dev.strata.disk;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the operations of another store under a label that names the target (never a credential):
 * each call at FINE with its duration, faults at WARNING. Named answers ("no such pack",
 * "retained") are expected outcomes and stay at FINE.
 */
public final class LoggingPackStore extends PackStoreWrapper {
  private static final Logger LOG = Logger.getLogger(LoggingPackStore.class.getName());
  private final String label;

  public LoggingPackStore(PackStore delegate, String label) {
    super(delegate);
    this.label = label;
  }

  @Override
  protected <T> T around(StoreOperation op, String subject, Call<T> call) throws IOException {
    long start = System.nanoTime();
    try {
      T result = call.run();
      LOG.log(Level.FINE, () -> line(op, subject, start, "ok"));
      return result;
    } catch (StoreException e) {
      LOG.log(Level.FINE, () -> line(op, subject, start, e.getMessage()));
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, () -> line(op, subject, start, "failed: " + e));
      throw e;
    }
  }

  private String line(StoreOperation op, String subject, long start, String outcome) {
    long micros = (System.nanoTime() - start) / 1000;
    return label
        + ": "
        + op
        + (subject.isEmpty() ? "" : " " + subject)
        + " "
        + outcome
        + " ("
        + micros
        + " µs)";
  }
}
