package dev.strata.node.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The listener's TLS context from the PEM files operators have: a certificate chain ({@code BEGIN
 * CERTIFICATE}, leaf first) and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}, as
 * {@code openssl genpkey} writes; RSA, EC or Ed25519).
 */
public final class Tls {
  private Tls() {}

  public static SSLContext context(Path certificateChain, Path privateKey) throws IOException {
    try {
      List<Certificate> chain = new ArrayList<>();
      try (InputStream in = Files.newInputStream(certificateChain)) {
        chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
      }
      if (chain.isEmpty()) {
        throw new IOException(certificateChain + " holds no certificate");
      }
      PrivateKey key = readKey(privateKey, chain.get(0).getPublicKey().getAlgorithm());
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] none = new char[0];
      ks.setKeyEntry("node", key, none, chain.toArray(new Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, none);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the TLS certificate and key: " + e.getMessage(), e);
    }
  }

  /**
   * A client context trusting the JVM's own trust store and the certificates in {@code pemFiles}
   * (another node's self-signed certificate, a private CA).
   */
  public static SSLContext trusting(List<Path> pemFiles) throws IOException {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      javax.net.ssl.TrustManagerFactory jvm =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      jvm.init((KeyStore) null);
      int n = 0;
      for (javax.net.ssl.TrustManager tm : jvm.getTrustManagers()) {
        if (tm instanceof javax.net.ssl.X509TrustManager x) {
          for (java.security.cert.X509Certificate ca : x.getAcceptedIssuers()) {
            trust.setCertificateEntry("jvm-" + n++, ca);
          }
        }
      }
      for (Path f : pemFiles) {
        try (InputStream in = Files.newInputStream(f)) {
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            trust.setCertificateEntry("trusted-" + n++, c);
          }
        }
      }
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the trusted certificates: " + e.getMessage(), e);
    }
  }

  private static PrivateKey readKey(Path file, String algorithm)
      throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IOException(
          file + " is not an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----)");
    }
    String b64 = pem.substring(begin + 27, end).replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(b64);
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
