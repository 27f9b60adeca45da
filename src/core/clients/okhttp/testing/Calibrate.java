// Calibration driver for the OkHttp snippet: compiled beside the pasted AiPool.java (the project's
// snippet, unchanged) against OkHttp's and okio's jars. Runs the workload given as JSON in args[0]
// and prints one JSON array of {id, t0, t1, status} (wall-clock ms) when done, as the Node and Python
// drivers do. Bounded by the request count. Each request runs AiPool.postJson on a thread of its own
// (the snippet blocks its caller while the call runs through enqueue, under the Dispatcher's caps).
// The lab's self-signed CA comes from SSL_CERT_FILE, as for the other drivers: it is made the JVM's
// trust store before AiPool (and so OkHttp's TLS set-up) is first touched.
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;

public class Calibrate {
  private static final AtomicInteger issued = new AtomicInteger();
  private static final List<String> records = new ArrayList<>();
  private static String kind;
  private static int users;
  private static int requests;
  private static double thinkSec;
  private static double perSec;
  private static boolean constantThink;

  /** One field of the flat workload JSON (numbers and strings only). */
  private static String field(String json, String name, String fallback) {
    Matcher m = Pattern.compile("\"" + name + "\":\\s*(\"[^\"]*\"|[-0-9.eE+]+)").matcher(json);
    return m.find() ? m.group(1).replace("\"", "") : fallback;
  }

  private static double now() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1000.0 + t.getNano() / 1e6;
  }

  private static void sleepMs(double ms) throws InterruptedException {
    if (ms <= 0) return;
    long whole = (long) ms;
    Thread.sleep(whole, (int) ((ms - whole) * 1e6));
  }

  private static double exponential(double mean) {
    return -mean * Math.log(1 - ThreadLocalRandom.current().nextDouble());
  }

  private static double think() {
    return constantThink ? thinkSec : exponential(thinkSec);
  }

  private static void one() {
    int id = issued.getAndIncrement();
    double t0 = now();
    int status = -1;
    // postJson reads the body inside the call, so the connection is back in the pool when it returns.
    try (Response r = AiPool.postJson("/v1/messages", "{\"id\":" + id + "}")) {
      r.body().string();
      status = r.code();
    } catch (Exception e) {
      status = -1;
    }
    double t1 = now();
    synchronized (records) {
      records.add("{\"id\":" + id + ",\"t0\":" + t0 + ",\"t1\":" + t1 + ",\"status\":" + status + "}");
    }
  }

  /** The PEM in SSL_CERT_FILE as a PKCS#12 trust store, set as the JVM's default. */
  private static void trustLabCa() throws Exception {
    String pem = System.getenv("SSL_CERT_FILE");
    if (pem == null) return;
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = new FileInputStream(pem)) {
      int i = 0;
      for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("lab" + i++, (X509Certificate) c);
      }
    }
    Path file = Files.createTempFile(Path.of("."), "lab-ca", ".p12");
    char[] password = "calibration".toCharArray();
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      store.store(out, password);
    }
    System.setProperty("javax.net.ssl.trustStore", file.toAbsolutePath().toString());
    System.setProperty("javax.net.ssl.trustStorePassword", "calibration");
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
  }

  public static void main(String[] args) throws Exception {
    trustLabCa();
    String cfg = args[0];
    kind = field(cfg, "kind", "users");
    users = Integer.parseInt(field(cfg, "users", "0"));
    requests = Integer.parseInt(field(cfg, "requests", "0"));
    thinkSec = Double.parseDouble(field(cfg, "thinkSec", "0"));
    perSec = Double.parseDouble(field(cfg, "perSec", "0"));
    constantThink = "constant".equals(field(cfg, "thinkDist", "exponential"));
    List<Thread> threads = new ArrayList<>();
    if (kind.equals("users")) {
      for (int u = 0; u < users; u++) {
        Thread t = new Thread(() -> {
          try {
            // Users start spread over one think time, as in the simulator.
            sleepMs((constantThink ? ThreadLocalRandom.current().nextDouble() * thinkSec : think()) * 1000);
            while (issued.get() < requests) {
              one();
              sleepMs(think() * 1000);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        t.start();
        threads.add(t);
      }
    } else {
      double t = now();
      for (int i = 0; i < requests; i++) {
        t += exponential(1000 / perSec);
        sleepMs(t - now());
        Thread th = new Thread(Calibrate::one);
        th.start();
        threads.add(th);
      }
    }
    for (Thread t : threads) t.join();
    StringBuilder out = new StringBuilder("[");
    synchronized (records) {
      out.append(String.join(",", records));
    }
    System.out.print(out.append("]"));
    System.out.flush();
    // OkHttp's dispatcher threads are not daemons: exit rather than wait a minute for them to idle out.
    System.exit(0);
  }
}
