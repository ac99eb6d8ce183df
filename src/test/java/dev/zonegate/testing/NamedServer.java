package dev.zonegate.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real BIND {@code named} serving given zones on 127.0.0.1 and a free port, for tests of live
 * sources against the server people actually run. Use it as
 * {@code @RegisterExtension static NamedServer named = NamedServer.builder().zone(...).build();}
 * (started before all tests, stopped after) or programmatically with {@link #start()} and
 * {@link #close()}.
 *
 * <p>Without {@code named} installed the test is skipped, unless {@code ZONEGATE_REQUIRE_NAMED=1}
 * (set in CI, which installs bind9), where a missing server must fail rather than pass unnoticed.
 *
 * <p>Zone transfers need the TSIG key ({@link #keyName()}, {@link #secret()}); plain queries are
 * answered to anyone. Nothing listens beyond 127.0.0.1.
 */
public final class NamedServer extends TestServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
  /** Where to look for named instead of the PATH (tests of the skipping itself). */
  static final String NAMED_PROPERTY = "zonegate.test.named";
  static final String REQUIRE_PROPERTY = BindPrograms.REQUIRE_PROPERTY;
  static final String MISSING = "named not installed (apt-get install bind9)";

  private final Map<String, String> zones; // absolute name -> master file text
  private final String keyName;
  private final String secret;
  private int port;

  private NamedServer(Builder b) {
    this.zones = new LinkedHashMap<>(b.zones);
    this.keyName = b.keyName;
    this.secret = b.secret != null ? b.secret : randomSecret();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final Map<String, String> zones = new LinkedHashMap<>();
    private String keyName = "gate-key";
    private String secret;

    /** A zone served as primary from {@code text}, an RFC 1035 master file. */
    public Builder zone(String name, String text) {
      zones.put(absolute(name), text);
      return this;
    }

    /** The TSIG key (hmac-sha256) that may transfer; the secret is random unless given. */
    public Builder key(String name, String base64Secret) {
      this.keyName = name;
      this.secret = base64Secret;
      return this;
    }

    public NamedServer build() {
      return new NamedServer(this);
    }
  }

  @Override
  String cannotRun() {
    return locate() == null ? MISSING : null;
  }

  @Override
  String requireEnv() {
    return BindPrograms.REQUIRE_ENV;
  }

  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:<port>}, as a live source config writes a server. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  public String keyName() {
    return keyName;
  }

  /** The base64 TSIG secret. */
  public String secret() {
    return secret;
  }

  /** Starts named, or skips the test when it is not installed; returns this once it answers. */
  public synchronized NamedServer start() throws IOException, InterruptedException {
    if (process != null) {
      return this;
    }
    Path named = findNamed();
    dir = Files.createTempDirectory("zonegate-named");
    log = dir.resolve("named.log");
    for (Map.Entry<String, String> z : zones.entrySet()) {
      Files.writeString(dir.resolve(fileName(z.getKey())), z.getValue(), StandardCharsets.UTF_8);
    }
    String why = null;
    // Another process may take the port between choosing and binding it: try a few ports.
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      Files.writeString(dir.resolve("named.conf"), config(), StandardCharsets.UTF_8);
      why = launch(named);
      if (why == null) {
        return this;
      }
      String text = log();
      if (text.contains("ermission denied") && !named.startsWith(dir)) {
        // Ubuntu's AppArmor profile for /usr/sbin/named allows only /etc/bind, /var/cache/bind...
        // Profiles attach by path, so a copy of the binary runs unconfined in the temp dir.
        Path copy = dir.resolve("named");
        Files.copy(named, copy);
        copy.toFile().setExecutable(true);
        named = copy;
      } else if (!text.contains("ddress already in use") && !text.contains("ddress in use")) {
        break;
      }
    }
    String tail = tail(log(), 40);
    close();
    throw new AssertionError("named did not start: " + why + "; last lines of its log:\n" + tail);
  }

  /** Runs named and waits until every zone answers its SOA; null when up, else why not. */
  private String launch(Path named) throws IOException, InterruptedException {
    // -g: foreground, log to stderr, no setuid (root stays root: nothing here needs a user).
    // -4: IPv4 only, like the config; -n 1: one worker, quicker to start and stop.
    return launch(List.of(named.toString(), "-g", "-4", "-n", "1", "-c", dir.resolve("named.conf").toString()), log,
        START_TIMEOUT, "no SOA answer", this::allZonesAnswer);
  }

  private boolean allZonesAnswer() {
    if (zones.isEmpty()) {
      return log().contains("running");
    }
    for (String z : zones.keySet()) {
      if (servedSerial(z, Duration.ofMillis(300)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The serial named serves for {@code zone} over UDP, or -1 when it does not answer with one. */
  public long servedSerial(String zone, Duration timeout) {
    try {
      SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      r.setTimeout(timeout);
      Message q = Message.newQuery(Record.newRecord(Name.fromString(absolute(zone)), Type.SOA, DClass.IN));
      q.getHeader().unsetFlag(Flags.RD);
      Message m = r.send(q);
      if (m.getRcode() != Rcode.NOERROR || !m.getHeader().getFlag(Flags.AA)) {
        return -1;
      }
      for (Record rec : m.getSection(Section.ANSWER)) {
        if (rec instanceof SOARecord) {
          return ((SOARecord) rec).getSerial();
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Serves new text for a zone: writes the file, sends SIGHUP (a reload, no rndc and no control
   * channel needed) and waits until the new SOA serial is served. The serial must change.
   */
  public void replaceZone(String name, String text) throws IOException, InterruptedException {
    String zone = absolute(name);
    if (!zones.containsKey(zone)) {
      throw new IllegalArgumentException(zone + " is not served by this named");
    }
    long serial = serialOf(zone, text);
    zones.put(zone, text);
    Files.writeString(dir.resolve(fileName(zone)), text, StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      // Repeated: named skips a file whose modification time it judges unchanged (1 s resolution).
      hangUp();
      for (int i = 0; i < 20; i++) {
        if (servedSerial(zone, Duration.ofMillis(300)) == serial) {
          return;
        }
        Thread.sleep(50);
      }
      Files.setLastModifiedTime(
          dir.resolve(fileName(zone)), FileTime.fromMillis(System.currentTimeMillis()));
    }
    throw new AssertionError(
        "named did not serve serial " + serial + " of " + zone + "; log:\n" + tail(log(), 40));
  }

  private void hangUp() throws IOException, InterruptedException {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("named is not running");
    }
    Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid())).start();
    kill.waitFor(5, TimeUnit.SECONDS);
  }

  /** Stops named; the port is then closed, which is what a dead server looks like. */
  public synchronized void stop() {
    destroy();
  }

  /**
   * The configuration; each line checked with {@code named-checkconf} on BIND 9.18. {@code controls
   * {}} keeps named off the rndc port 953, which a second instance or a system named would hold;
   * {@code pid-file none} and {@code session-keyfile none} keep it out of /run/named.
   */
  private String config() {
    StringBuilder sb = new StringBuilder();
    sb.append("options {\n")
        .append("  directory \"").append(dir).append("\";\n")
        .append("  listen-on port ").append(port).append(" { 127.0.0.1; };\n")
        .append("  listen-on-v6 { none; };\n")
        .append("  recursion no;\n")
        .append("  allow-transfer { key \"").append(keyName).append("\"; };\n")
        .append("  pid-file none;\n")
        .append("  session-keyfile none;\n")
        .append("  dnssec-validation no;\n")
        .append("  notify no;\n")
        .append("};\n")
        .append("controls { };\n")
        .append("key \"").append(keyName).append("\" {\n")
        .append("  algorithm hmac-sha256;\n")
        .append("  secret \"").append(secret).append("\";\n")
        .append("};\n");
    for (String z : zones.keySet()) {
      sb.append("zone \"").append(z).append("\" { type primary; file \"").append(fileName(z)).append("\"; };\n");
    }
    return sb.toString();
  }

  private static Path findNamed() {
    Path found = locate();
    Require.require(found != null, MISSING, BindPrograms.REQUIRE_ENV);
    return found;
  }

  /** The named binary, or null. */
  private static Path locate() {
    String forced = System.getProperty(NAMED_PROPERTY);
    if (forced != null) {
      Path p = Path.of(forced);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
    }
    return BindPrograms.find("named", Path.of("/usr/sbin/named"), Path.of("/usr/local/sbin/named"));
  }

  /** A port free for both TCP and UDP on 127.0.0.1 a moment ago. */
  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      int p;
      try (ServerSocket s = new ServerSocket(0, 1, lo)) {
        p = s.getLocalPort();
      }
      try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(lo, p))) {
        d.close();
        return p;
      } catch (IOException e) {
        // UDP taken: try another.
      }
    }
    throw new IOException("no free port on 127.0.0.1");
  }

  private static long serialOf(String zone, String text) throws IOException {
    try (Master m = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Name.fromString(zone))) {
      Record r;
      while ((r = m.nextRecord()) != null) {
        if (r instanceof SOARecord) {
          return ((SOARecord) r).getSerial();
        }
      }
    }
    throw new IllegalArgumentException("the new text of " + zone + " has no SOA");
  }

  private static String fileName(String zone) {
    String z = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
    return (z.isEmpty() ? "root" : z) + ".zone";
  }

  private static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  private static String randomSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      sb.append(all[i]).append('\n');
    }
    return sb.toString();
  }
}
