package dev.zonegate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real moto server (the AWS API emulator, 4.2.14 pruned to Route 53, in {@code
 * ../shared/peers/moto}) on 127.0.0.1 and a free port, for tests of the Route 53 live source. Use
 * it as {@code @RegisterExtension static MotoServer moto = new MotoServer();} (started before all
 * tests, stopped after).
 *
 * <p>Without Debian's python3, moto or its Python packages every test of the class is reported
 * skipped with the reason, unless {@code ZONEGATE_REQUIRE_MOTO=1} (set in CI, which installs
 * them), where a missing moto must fail rather than pass unnoticed.
 *
 * <p>Any access key works; clients must be given {@link #endpoint()} explicitly. Nothing listens
 * beyond 127.0.0.1.
 */
public final class MotoServer extends TestServer {
  public static final String REQUIRE_ENV = "ZONEGATE_REQUIRE_MOTO";
  /** Overrides {@value #REQUIRE_ENV} (tests of the skipping itself). */
  static final String REQUIRE_PROPERTY = REQUIRE_ENV;
  /** Where moto is instead of ../shared/peers/moto (tests of the skipping itself). */
  static final String MOTO_PROPERTY = "zonegate.test.moto";
  static final String MISSING = "moto cannot run here: ";
  static final String INSTALL =
      "; needs ../shared/peers/moto and apt-get install --no-install-recommends python3-boto3 python3-botocore"
          + " python3-werkzeug python3-flask python3-flask-cors python3-jinja2 python3-xmltodict python3-responses"
          + " python3-cryptography python3-dateutil python3-requests";
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  /** Why moto cannot run, per moto directory checked (null: it can); checked once per JVM. */
  private static final Map<Path, String> checked = new ConcurrentHashMap<>();

  private int port;

  @Override
  String cannotRun() {
    return problem();
  }

  @Override
  String requireEnv() {
    return REQUIRE_ENV;
  }

  /** The moto directory: ../shared/peers/moto beside the checkout, as CI lays it out. */
  static Path home() {
    String forced = System.getProperty(MOTO_PROPERTY);
    return (forced != null ? Path.of(forced) : Path.of("..", "shared", "peers", "moto")).toAbsolutePath().normalize();
  }

  /** Why moto cannot run here, or null. */
  static String problem() {
    Path home = home();
    String why = checked.computeIfAbsent(home, h -> {
      String p = probe(h);
      return p == null ? "" : p;
    });
    return why.isEmpty() ? null : why;
  }

  private static String probe(Path home) {
    if (!Files.isRegularFile(home.resolve("bin/moto-server"))) {
      return MISSING + home + "/bin/moto-server is missing" + INSTALL;
    }
    if (!Files.isExecutable(PYTHON)) {
      return MISSING + PYTHON + " is missing" + INSTALL;
    }
    try {
      // Importing the server imports every package it needs: a missing one is named.
      ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "-c", "import moto.server, moto.route53.responses");
      pb.environment().put("PYTHONPATH", home.resolve("lib").toString());
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return MISSING + "importing moto did not finish" + INSTALL;
      }
      if (p.exitValue() != 0) {
        String last = out.strip();
        last = last.substring(last.lastIndexOf('\n') + 1);
        return MISSING + last + INSTALL;
      }
      return null;
    } catch (IOException e) {
      return MISSING + e.getClass().getSimpleName() + INSTALL;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MISSING + "interrupted" + INSTALL;
    }
  }

  /** {@code http://127.0.0.1:PORT}, as a config's {@code endpoint:} is written. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts moto, or skips (fails, when required) the test when it cannot run; returns once it answers. */
  public synchronized MotoServer start() throws IOException, InterruptedException {
    if (process != null) {
      return this;
    }
    String why = problem();
    Require.require(why == null, why, REQUIRE_ENV);
    dir = Files.createTempDirectory("zonegate-moto");
    log = dir.resolve("moto.log");
    String failure = null;
    // Another process may take the port between choosing and binding it: try a few ports.
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      failure = launch();
      if (failure == null) {
        return this;
      }
    }
    String text = log();
    close();
    throw new AssertionError("moto did not start: " + failure + "; its log:\n" + text);
  }

  private String launch() throws IOException, InterruptedException {
    return launch(List.of(home().resolve("bin/moto-server").toString(), Integer.toString(port)), log, START_TIMEOUT,
        "no answer", () -> post("/moto-api/reset") == 200);
  }

  /** Forgets every hosted zone: each test starts from an empty account. */
  public void reset() {
    int status = post("/moto-api/reset");
    if (status != 200) {
      throw new AssertionError("moto did not reset (HTTP " + status + "); log:\n" + log());
    }
  }

  private int post(String path) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + path).toURL().openConnection();
      c.setRequestMethod("POST");
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      c.setDoOutput(true);
      c.getOutputStream().close();
      int status = c.getResponseCode();
      c.getInputStream().close();
      c.disconnect();
      return status;
    } catch (IOException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
