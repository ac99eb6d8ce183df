package dev.zonegate.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real PowerDNS Authoritative server ({@code pdns_server}, Debian's {@code pdns-server} with
 * {@code pdns-backend-sqlite3}) on 127.0.0.1, with its HTTP API on a free port and a random API
 * key, a fresh sqlite database from the backend's schema, in a temp directory; started before all
 * tests of a class and stopped after ({@code @RegisterExtension static PdnsServer pdns = new
 * PdnsServer();}). Zones are made and changed through the API ({@link #createZone},
 * {@link #replace}, {@link #delete}).
 *
 * <p>Without pdns_server (or the sqlite backend) every test of the class is reported skipped with
 * the reason, unless {@code ZONEGATE_REQUIRE_PDNS=1} (set in CI, which installs them), where it
 * fails instead. Nothing listens beyond 127.0.0.1.
 */
public final class PdnsServer extends TestServer {
  public static final String REQUIRE_ENV = "ZONEGATE_REQUIRE_PDNS";
  /** Overrides {@value #REQUIRE_ENV} (tests of the skipping itself). */
  static final String REQUIRE_PROPERTY = REQUIRE_ENV;
  /** Where to look for pdns_server instead of the PATH (tests of the skipping itself). */
  static final String PDNS_PROPERTY = "zonegate.test.pdns";
  public static final String MISSING =
      "pdns_server or its sqlite backend not installed (apt-get install pdns-server pdns-backend-sqlite3 sqlite3)";
  static final Path SCHEMA = Path.of("/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String apiKey = randomKey();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int apiPort;
  private int dnsPort;

  @Override
  String cannotRun() {
    return locate() == null ? MISSING : null;
  }

  @Override
  String requireEnv() {
    return REQUIRE_ENV;
  }

  /** Skips the calling test (or fails it, where required) unless pdns can run here. */
  public static void require() {
    Require.require(locate() != null, MISSING, REQUIRE_ENV);
  }

  /** True once started (false where the tests are skipped). */
  public synchronized boolean running() {
    return process != null;
  }

  /** The API's base URL, as the {@code url} of a {@code powerdns:} live config. */
  public String url() {
    return "http://127.0.0.1:" + apiPort;
  }

  public int apiPort() {
    return apiPort;
  }

  /** The DNS port it answers queries on. */
  public int dnsPort() {
    return dnsPort;
  }

  public String apiKey() {
    return apiKey;
  }

  public synchronized PdnsServer start() throws IOException, InterruptedException {
    if (process != null) {
      return this;
    }
    Path pdns = locate();
    if (pdns == null) {
      require();
    }
    dir = Files.createTempDirectory("zonegate-pdns");
    log = dir.resolve("pdns.log");
    Path db = dir.resolve("pdns.sqlite3");
    Process sqlite = new ProcessBuilder("sqlite3", db.toString())
        .redirectInput(SCHEMA.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("sqlite.log").toFile())
        .start();
    if (!sqlite.waitFor(60, TimeUnit.SECONDS) || sqlite.exitValue() != 0) {
      sqlite.destroyForcibly();
      throw new AssertionError("sqlite3 could not make the pdns database: " + Files.readString(dir.resolve("sqlite.log")));
    }
    String why = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      apiPort = freeTcpPort();
      dnsPort = freeDnsPort();
      Files.writeString(dir.resolve("pdns.conf"), config(db), StandardCharsets.UTF_8);
      why = launch(pdns);
      if (why == null) {
        return this;
      }
      if (!log().contains("ddress already in use")) {
        break;
      }
    }
    String text = log();
    close();
    throw new AssertionError("pdns_server did not start: " + why + "; its log:\n" + text);
  }

  private String config(Path db) {
    return String.join("\n",
        "launch=gsqlite3",
        "gsqlite3-database=" + db,
        "api=yes",
        "api-key=" + apiKey,
        "webserver=yes",
        "webserver-address=127.0.0.1",
        "webserver-port=" + apiPort,
        "webserver-allow-from=127.0.0.1",
        "webserver-max-bodysize=64",
        "local-address=127.0.0.1",
        "local-port=" + dnsPort,
        "daemon=no",
        "guardian=no",
        "socket-dir=" + dir,
        "disable-syslog=yes",
        "security-poll-suffix=",
        "default-soa-content=ns1.example.net. hostmaster.@ 0 10800 3600 604800 3600",
        "") ;
  }

  private String launch(Path pdns) throws IOException, InterruptedException {
    return launch(List.of(pdns.toString(), "--config-dir=" + dir), log, START_TIMEOUT, "its API did not answer",
        () -> call("GET", "", null).statusCode() == 200);
  }

  /** A request to {@code /api/v1/servers/localhost/PATH} with the key; the response as text. */
  public HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + "/api/v1/servers/localhost" + (path.isEmpty() ? "" : "/" + path)))
        .timeout(Duration.ofSeconds(60))
        .header("X-API-Key", apiKey)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void expect(HttpResponse<String> r, String what) {
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(what + ": HTTP " + r.statusCode() + " " + r.body());
    }
  }

  /** One RRset: name (absolute), type, TTL, contents as PowerDNS takes them. */
  public record Set(String name, String type, long ttl, List<String> contents, List<String> disabled) {
    public Set(String name, String type, long ttl, String... contents) {
      this(name, type, ttl, List.of(contents), List.of());
    }

    /** The same set with {@code contents} there but disabled. */
    public Set withDisabled(String... contents) {
      return new Set(name, type, ttl, this.contents, List.of(contents));
    }

    ObjectNode json(boolean replace) {
      ObjectNode o = JSON.createObjectNode();
      o.put("name", name);
      o.put("type", type);
      o.put("ttl", ttl);
      if (replace) {
        o.put("changetype", "REPLACE");
      }
      ArrayNode rs = o.putArray("records");
      for (String c : contents) {
        rs.addObject().put("content", c).put("disabled", false);
      }
      for (String c : disabled) {
        rs.addObject().put("content", c).put("disabled", true);
      }
      return o;
    }
  }

  /** Makes a native zone with these sets (the apex NS among them, or {@code ns1.example.net.}). */
  public void createZone(String zone, List<Set> sets) throws IOException, InterruptedException {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", zone);
    o.put("kind", "Native");
    ArrayNode ns = o.putArray("nameservers");
    boolean hasNs = sets.stream().anyMatch(s -> s.name().equalsIgnoreCase(zone) && s.type().equals("NS"));
    if (!hasNs) {
      ns.add("ns1.example.net.");
    }
    ArrayNode rr = o.putArray("rrsets");
    for (Set s : sets) {
      rr.add(s.json(false));
    }
    expect(call("POST", "zones", JSON.writeValueAsString(o)), "create " + zone);
  }

  public void deleteZone(String zone) throws IOException, InterruptedException {
    HttpResponse<String> r = call("DELETE", "zones/" + zone, null);
    if (r.statusCode() != 404) {
      expect(r, "delete " + zone);
    }
  }

  /** Replaces (or makes) each set. */
  public void replace(String zone, Set... sets) throws IOException, InterruptedException {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode rr = o.putArray("rrsets");
    for (Set s : sets) {
      rr.add(s.json(true));
    }
    expect(call("PATCH", "zones/" + zone, JSON.writeValueAsString(o)), "patch " + zone);
  }

  /** Deletes the set {@code name type}. */
  public void delete(String zone, String name, String type) throws IOException, InterruptedException {
    ObjectNode o = JSON.createObjectNode();
    o.putArray("rrsets").addObject().put("name", name).put("type", type).put("changetype", "DELETE");
    expect(call("PATCH", "zones/" + zone, JSON.writeValueAsString(o)), "delete " + name + " " + type);
  }

  /** The zone as the API returns it. */
  public JsonNode zone(String zone) throws IOException, InterruptedException {
    HttpResponse<String> r = call("GET", "zones/" + zone, null);
    expect(r, "get " + zone);
    return JSON.readTree(r.body());
  }

  public synchronized void stop() {
    destroy();
  }

  /** pdns_server, when it and the sqlite backend (and sqlite3, to make the database) are here. */
  static Path locate() {
    String forced = System.getProperty(PDNS_PROPERTY);
    Path p;
    if (forced != null) {
      p = Path.of(forced);
      p = Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
    } else {
      p = BindPrograms.find("pdns_server", Path.of("/usr/sbin/pdns_server"));
    }
    if (p == null || !Files.isRegularFile(SCHEMA) || BindPrograms.find("sqlite3") == null) {
      return null;
    }
    return p;
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static int freeDnsPort() throws IOException {
    for (int i = 0; i < 20; i++) {
      int p = freeTcpPort();
      try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), p))) {
        return p;
      } catch (IOException e) {
        // UDP taken: try another
      }
    }
    throw new IOException("no free port on 127.0.0.1");
  }

  private static String randomKey() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return "pdns-" + HexFormat.of().formatHex(b);
  }
}
