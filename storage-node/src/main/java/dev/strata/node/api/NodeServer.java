package dev.strata.node.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The node's listener: Jersey on the JDK's own HTTP server (no servlet container: a few megabytes,
 * up in well under a second), plain HTTP or TLS, with a bounded pool of request threads (the JDK
 * server would otherwise serve every request on its one dispatcher thread).
 */
public final class NodeServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService workers;
  private final URI uri;

  static {
    // The JDK's server leaves Nagle's algorithm on: a small answer then waits for the client's
    // delayed acknowledgement (tens of milliseconds per request), which made a restore of many
    // small range reads ten times slower than from a local repository. Read once, when the
    // server classes load; an operator's own setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private NodeServer(HttpServer server, ExecutorService workers, URI uri) {
    this.server = server;
    this.workers = workers;
    this.uri = uri;
  }

  public static NodeServer start(
      ResourceConfig app, String address, int port, Optional<SSLContext> tls, int threads)
      throws IOException {
    String scheme = tls.isPresent() ? "https" : "http";
    String host = address.contains(":") ? "[" + address + "]" : address;
    URI base = URI.create(scheme + "://" + host + ":" + port + "/");
    HttpServer server =
        tls.isPresent()
            ? JdkHttpServerFactory.createHttpServer(base, app, tls.get(), false)
            : JdkHttpServerFactory.createHttpServer(base, app, false);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory f =
        r -> {
          Thread t = new Thread(r, "node-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ExecutorService workers = Executors.newFixedThreadPool(threads, f);
    server.setExecutor(workers);
    server.start();
    InetSocketAddress bound = server.getAddress();
    URI uri = URI.create(scheme + "://" + host + ":" + bound.getPort() + "/");
    return new NodeServer(server, workers, uri);
  }

  /** The base URI clients use, with the port actually bound. */
  public URI uri() {
    return uri;
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
