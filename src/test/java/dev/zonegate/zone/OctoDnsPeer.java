package dev.zonegate.zone;

import dev.zonegate.testing.Require;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * octoDNS 1.22 itself, as an oracle: {@code src/test/python/octodns_dump.py} run by the peer's
 * {@code bin/octodns-python} (Debian's python3 with octoDNS importable), found relative to the
 * working directory at {@code ../shared/peers/octodns}.
 *
 * <p>Where the peer or its Python packages are missing, {@link #require()} skips the calling
 * test with a message saying what is missing; with {@code ZONEGATE_REQUIRE_OCTODNS=1} (set in
 * CI, which installs the packages) it fails instead, so a broken setup cannot pass unnoticed.
 */
public final class OctoDnsPeer {
  static final Path HOME = Path.of("../shared/peers/octodns");
  static final Path PYTHON = HOME.resolve("bin/octodns-python");
  static final Path DUMPER = Path.of("src/test/python/octodns_dump.py");
  static final Path CONFIG_DUMPER = Path.of("src/test/python/octodns_config_dump.py");
  static final String REQUIRE_ENV = "ZONEGATE_REQUIRE_OCTODNS";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OctoDnsPeer() {}

  /** Skips (or, where required, fails) unless octoDNS can be run here. */
  public static void require() {
    String missing = missing();
    Require.require(missing == null, "octoDNS cannot run here, so the differential is skipped: " + missing, REQUIRE_ENV);
  }

  private static String missing;
  private static boolean probed;

  private static synchronized String missing() {
    if (probed) {
      return missing;
    }
    probed = true;
    if (!Files.isExecutable(PYTHON)) {
      return missing = "no octoDNS peer at " + PYTHON.toAbsolutePath().normalize()
          + " (octoDNS 1.22 lives in shared/peers/octodns beside the checkout, as CI lays it out)";
    }
    if (!Files.isRegularFile(DUMPER)) {
      return missing = "no dumper at " + DUMPER.toAbsolutePath();
    }
    try {
      Process p =
          new ProcessBuilder(PYTHON.toString(), "-c", "import yaml, dns, natsort, dateutil, idna, requests, octodns")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return missing = "octoDNS's Python packages are missing (" + out.strip().replaceAll("\\s+", " ")
            + "); apt-get install python3-yaml python3-dnspython python3-natsort python3-dateutil"
            + " python3-idna python3-requests";
      }
    } catch (IOException e) {
      return missing = "cannot run " + PYTHON + " (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return missing = "interrupted";
    }
    return missing = null;
  }

  /** One case for the dumper: a zone file and the provider options to load it with. */
  public record Request(String id, String zone, Path file, OctoDnsOptions options) {}

  /** Loads every request in one Python process; results by id. */
  static Map<String, JsonNode> load(List<Request> requests, Path work) throws IOException, InterruptedException {
    ArrayNode manifest = JSON.createArrayNode();
    for (Request r : requests) {
      entry(manifest.addObject(), r);
    }
    return run(DUMPER, manifest, work);
  }

  /** One case as the dumper reads it (a manifest entry, or a line for {@code --serve}). */
  private static ObjectNode entry(ObjectNode c, Request r) {
    c.put("id", r.id());
    c.put("zone", r.zone());
    c.put("file", r.file().toAbsolutePath().toString());
    c.put("enforce_order", r.options().enforceOrder());
    c.put("order_mode", r.options().orderMode());
    c.put("default_ttl", r.options().defaultTtl());
    c.put("escaped_semicolons", r.options().escapedSemicolons());
    c.put("populate_should_replace", r.options().populateShouldReplace());
    c.put("lenient", r.options().lenient());
    return c;
  }

  /**
   * One octoDNS process answering cases one at a time ({@code octodns_dump.py --serve}), for
   * inputs not known in advance (the fuzz test's): the interpreter and octoDNS are loaded once,
   * not per case. A case octoDNS does not answer within the time given (a YAML alias bomb, say)
   * ends the process, and the next case starts another.
   */
  public static final class Server implements AutoCloseable {
    private final Path script;
    private final ExecutorService reading = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "octodns-serve");
      t.setDaemon(true);
      return t;
    });
    private Process process;
    private BufferedWriter requests;
    private BufferedReader answers;

    /** A server of zone files ({@code octodns_dump.py}). */
    public Server() {
      this(DUMPER);
    }

    private Server(Path script) {
      this.script = script;
    }

    /** A server of main configs ({@code octodns_config_dump.py}), for {@link #load(ConfigRequest, Duration)}. */
    public static Server ofConfigs() {
      return new Server(CONFIG_DUMPER);
    }

    /**
     * octoDNS's result for the request (as {@link #load(List, Path)} gives it), or null when it
     * gave none within {@code timeout}. The dumper's own failure is an IOException.
     */
    public synchronized JsonNode load(Request r, Duration timeout) throws IOException, InterruptedException {
      return ask(entry(JSON.createObjectNode(), r), r.id(), timeout);
    }

    /** octoDNS's result for a main config, as {@link #loadConfigs} gives it; null when none came in time. */
    public synchronized JsonNode load(ConfigRequest r, Duration timeout) throws IOException, InterruptedException {
      return ask(entry(JSON.createObjectNode(), r), r.id(), timeout);
    }

    private JsonNode ask(ObjectNode request, String id, Duration timeout) throws IOException, InterruptedException {
      if (process == null || !process.isAlive()) {
        start();
      }
      requests.write(JSON.writeValueAsString(request));
      requests.write('\n');
      requests.flush();
      Future<String> line = reading.submit(answers::readLine);
      String answer;
      try {
        answer = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        line.cancel(true);
        stop();
        return null;
      } catch (ExecutionException e) {
        stop();
        throw new IOException("octoDNS dumper: " + e.getCause(), e.getCause());
      }
      if (answer == null) {
        stop();
        throw new IOException("octoDNS dumper ended without answering " + id);
      }
      JsonNode n = JSON.readTree(answer);
      if (n.has("peer_error")) {
        throw new IOException("octoDNS dumper failed on " + id + ": " + n.get("peer_error").asString());
      }
      return n.get("result");
    }

    private void start() throws IOException {
      process = new ProcessBuilder(PYTHON.toString(), script.toString(), "--serve")
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private void stop() {
      if (process != null) {
        process.destroyForcibly();
        process = null;
      }
    }

    @Override
    public synchronized void close() {
      stop();
      reading.shutdownNow();
    }
  }

  /** One case for the config dumper: an octoDNS main config, relative to the directory it runs in. */
  public record ConfigRequest(String id, Path dir, String config) {}

  private static ObjectNode entry(ObjectNode c, ConfigRequest r) {
    c.put("id", r.id());
    c.put("dir", r.dir().toAbsolutePath().toString());
    c.put("config", r.config());
    return c;
  }

  /** Loads every zone of every config in one Python process; results by id. */
  static Map<String, JsonNode> loadConfigs(List<ConfigRequest> requests, Path work)
      throws IOException, InterruptedException {
    ArrayNode manifest = JSON.createArrayNode();
    for (ConfigRequest r : requests) {
      entry(manifest.addObject(), r);
    }
    return run(CONFIG_DUMPER, manifest, work);
  }

  private static Map<String, JsonNode> run(Path script, ArrayNode manifest, Path work)
      throws IOException, InterruptedException {
    String name = script.getFileName().toString().replace(".py", "");
    Path file = work.resolve(name + "-manifest.json");
    Files.writeString(file, JSON.writeValueAsString(manifest));
    Path out = work.resolve(name + "-results.jsonl");
    Path err = work.resolve(name + "-stderr.txt");
    Process p =
        new ProcessBuilder(PYTHON.toString(), script.toString(), "--manifest", file.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // A guard against a hung interpreter, not a timing assertion.
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      Assertions.fail("octoDNS dumper did not finish");
    }
    if (p.exitValue() != 0) {
      Assertions.fail("octoDNS dumper failed (" + p.exitValue() + "): " + Files.readString(err));
    }
    Map<String, JsonNode> results = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = JSON.readTree(line);
        results.put(n.get("id").asString(), n.get("result"));
      }
    }
    return results;
  }
}
