package dev.zonegate.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.Require;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GitLab template run as a pipeline, not line by line: gitlab-ci-local 4.56.2 (npm) runs the
 * merge-request pipeline of a zone repository whose {@code .gitlab-ci.yml} includes (local
 * include) a copy of {@code ci/zonegate.gitlab-ci.yml} with its {@code image:} lines dropped, so
 * the shell executor runs the job here, with the shaded jar committed in the repository as
 * {@code ZONEGATE_JAR}. gitlab-ci-local resolves the include and {@code extends:}, validates the
 * result against GitLab's schema, evaluates {@code rules:}, runs {@code script:} then
 * {@code after_script:} in the checkout and collects the {@code artifacts:}. GitLab's notes API
 * is a JDK {@code HttpServer} on 127.0.0.1 ({@code CI_API_V4_URL}) that records what the job's
 * {@code after_script} posts.
 *
 * <p>A change that blocks fails the job and the pipeline, one that passes (benign, or allowed by
 * merge-request labels) passes them; either way the verdict is in the job log, every report is
 * kept as an artifact, and the note posted is the Markdown report byte for byte, sent with the
 * token in {@code PRIVATE-TOKEN}, while the token appears in no output or file the run leaves
 * (gitlab-ci-local masks nothing, so this holds the template itself to it). Without gitlab-ci-local
 * 4.56.2 or rsync (which it needs) the tests are skipped with the reason, unless
 * {@code ZONEGATE_REQUIRE_GITLAB_CI_LOCAL=1} (set by CI), where they fail.
 *
 * <p>The run is gitlab-ci-local's shell executor in the repository itself, not
 * {@code --shell-isolation}: that mode copies the tracked files afresh (with {@code --delete})
 * before the {@code after_script} too, so the reports would be gone before the note is posted and
 * the artifacts collected, which no GitLab runner does.
 */
class GitlabPipelineIT {
  static final String VERSION = "4.56.2";
  static final String REQUIRE_ENV = "ZONEGATE_REQUIRE_GITLAB_CI_LOCAL";
  /** A fake project access token, new for each run, so finding it anywhere means it leaked. */
  static final String TOKEN = "glpat-zonegateIT" + HexFormat.of().formatHex(random(10));
  static final String PROJECT_ID = "4711";
  static final String MR_IID = "17";
  static final List<String> REPORTS = List.of("zonegate-report.md", "zonegate-junit.xml", "zonegate-codequality.json",
      "zonegate-report.json", "zonegate-report.sarif", "zonegate-report.html");
  /** Generous: the whole pipeline takes seconds. */
  static final long TIMEOUT_SECONDS = 300;

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  /** Why gitlab-ci-local cannot run here (null: it can), found out once. */
  static String missing;
  static boolean probed;

  @TempDir Path tmp;
  GitFixture git;
  String base;
  HttpServer gitlab;
  final List<Note> notes = new CopyOnWriteArrayList<>();

  /** One request to the stand-in notes API. */
  record Note(String method, String path, String token, String contentType, byte[] body) {}

  /** One part of a multipart/form-data body: its headers and its bytes. */
  record Part(String headers, byte[] value) {}

  /** A finished run of gitlab-ci-local: its exit code and everything it printed. */
  record Run(int exit, String out) {}

  static synchronized String cannotRun() throws Exception {
    if (!probed) {
      probed = true;
      if (HookToolsIT.which("rsync") == null) {
        missing = "rsync is not installed (apt-get install rsync; gitlab-ci-local needs it)";
      } else if (HookToolsIT.which("gitlab-ci-local") == null) {
        missing = "gitlab-ci-local is not installed (npm install -g gitlab-ci-local@" + VERSION + ")";
      } else {
        Process p = new ProcessBuilder("gitlab-ci-local", "--version").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !version.equals(VERSION)) {
          missing = "gitlab-ci-local " + VERSION + " is required, found '" + version + "' (npm install -g gitlab-ci-local@"
              + VERSION + ")";
        }
      }
    }
    return missing;
  }

  @BeforeEach
  void repo() throws Exception {
    String why = cannotRun();
    Require.require(why == null, why, REQUIRE_ENV);
    git = CheckCommandTest.deployed(tmp.resolve("repo"));
    // The template as a zone repository would include it, its images dropped for the shell executor.
    List<String> template = Files.readAllLines(Path.of("ci/zonegate.gitlab-ci.yml"));
    List<String> shell = template.stream().filter(l -> !l.matches("\\s*image:.*")).toList();
    assertThat(template.size() - shell.size()).as("the template's image: lines").isPositive();
    git.write("ci/zonegate.gitlab-ci.yml", String.join("\n", shell) + "\n");
    git.write(".gitlab-ci.yml", "include:\n  - local: ci/zonegate.gitlab-ci.yml\nvariables:\n  ZONEGATE_JAR: tools/zonegate.jar\n");
    Files.createDirectories(git.dir().resolve("tools"));
    Files.copy(Path.of("target/zonegate.jar"), git.dir().resolve("tools/zonegate.jar"));
    base = git.commit("check DNS changes in merge requests with zonegate");

    gitlab = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
    gitlab.createContext("/", this::note);
    gitlab.start();
  }

  @AfterEach
  void stop() {
    if (gitlab != null) {
      gitlab.stop(0);
    }
  }

  /** GitLab's "create a merge request note": records the request, answers 201 with the note. */
  void note(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    notes.add(new Note(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestHeaders().getFirst("PRIVATE-TOKEN"),
        ex.getRequestHeaders().getFirst("Content-Type"), body));
    ObjectNode note = JsonMapper.builder().build().createObjectNode();
    note.put("id", 301).putNull("type").put("system", false).put("noteable_type", "MergeRequest")
        .put("noteable_iid", Integer.parseInt(MR_IID));
    byte[] answer = note.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(201, answer.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(answer);
    }
  }

  /** The variables GitLab sets in a merge-request pipeline, with the labels given and the token. */
  List<String> mergeRequest(String labels) {
    return new ArrayList<>(List.of("CI_PIPELINE_SOURCE=merge_request_event", "CI_MERGE_REQUEST_IID=" + MR_IID,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA=" + base, "CI_MERGE_REQUEST_LABELS=" + labels, "CI_PROJECT_ID=" + PROJECT_ID,
        "CI_API_V4_URL=http://127.0.0.1:" + gitlab.getAddress().getPort() + "/api/v4", "ZONEGATE_GITLAB_TOKEN=" + TOKEN));
  }

  /** Runs the repository's pipeline with gitlab-ci-local, as {@code --variable}s the given ones. */
  Run pipeline(List<String> variables) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("gitlab-ci-local", "--no-color", "--shell-executor-no-image"));
    for (String v : variables) {
      cmd.add("--variable");
      cmd.add(v);
    }
    Path out = tmp.resolve("gitlab-ci-local.out");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(git.dir().toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile());
    // Nothing of an outer pipeline (or of the developer's ~/.gitlab-ci-local) leaks into this one.
    pb.environment().keySet().removeIf(k -> k.startsWith("CI_") || k.startsWith("GITLAB_") || k.startsWith("ZONEGATE_"));
    pb.environment().putAll(git.env());
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      Assertions.fail("gitlab-ci-local did not finish in " + TIMEOUT_SECONDS + " s:\n" + Files.readString(out));
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  Path state() {
    return git.dir().resolve(".gitlab-ci-local");
  }

  /** The job's log as gitlab-ci-local keeps it (its output lines, without the job-name prefix). */
  String jobLog() throws IOException {
    Path log = state().resolve("output/zonegate.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** The job's artifacts, where gitlab-ci-local collects them. */
  Path artifacts() {
    return state().resolve("artifacts/zonegate/zonegate-reports");
  }

  /** The parts of a multipart/form-data body by field name, byte for byte. */
  static Map<String, Part> form(String contentType, byte[] body) {
    assertThat(contentType).startsWith("multipart/form-data");
    Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
    assertThat(b.find()).as(contentType).isTrue();
    String raw = new String(body, ISO_8859_1); // one char per byte, so the bytes come back unchanged
    Map<String, Part> parts = new LinkedHashMap<>();
    for (String part : raw.split(Pattern.quote("--" + b.group(1)), -1)) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (!part.startsWith("\r\n") || headersEnd < 0) {
        continue; // the preamble, and the "--" closing the body
      }
      String headers = part.substring(2, headersEnd);
      Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
      assertThat(name.find()).as(headers).isTrue();
      assertThat(part).endsWith("\r\n");
      parts.put(name.group(1), new Part(headers, part.substring(headersEnd + 4, part.length() - 2).getBytes(ISO_8859_1)));
    }
    return parts;
  }

  /** The job's verdict line starts its log, every report is kept, and the note is the Markdown one. */
  void reportedAndNoted(Run run, String verdict) throws Exception {
    assertThat(state().resolve("output/zonegate.log")).as(run.out()).exists();
    assertThat(jobLog()).as(run.out()).containsPattern("(?m)^zonegate: " + verdict + " \\(");
    assertThat(run.out()).contains("zonegate > zonegate: " + verdict + " (");
    for (String f : REPORTS) {
      assertThat(artifacts().resolve(f)).as(run.out()).isNotEmptyFile();
    }
    byte[] markdown = Files.readAllBytes(artifacts().resolve("zonegate-report.md"));
    assertThat(notes).as(run.out()).hasSize(1);
    Note note = notes.get(0);
    assertThat(note.method()).isEqualTo("POST");
    assertThat(note.path()).isEqualTo("/api/v4/projects/" + PROJECT_ID + "/merge_requests/" + MR_IID + "/notes");
    assertThat(note.token()).isEqualTo(TOKEN);
    Map<String, Part> form = form(note.contentType(), note.body());
    assertThat(form).containsOnlyKeys("body");
    // A plain field, as the notes API takes it: the file's text, not an upload of the file.
    assertThat(form.get("body").headers()).doesNotContain("filename");
    assertThat(form.get("body").value()).isEqualTo(markdown);
    assertThat(new String(markdown, StandardCharsets.UTF_8)).contains(verdict);
    noTokenLeft(run);
  }

  /** The token is in no output of the run and in no file it left, its state directory included. */
  void noTokenLeft(Run run) throws IOException {
    assertThat(run.out()).doesNotContain(TOKEN);
    List<Path> files;
    try (Stream<Path> s = Files.walk(tmp)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anyMatch(f -> f.startsWith(state()));
    for (Path f : files) {
      assertThat(new String(Files.readAllBytes(f), ISO_8859_1)).as(f.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void aBlockingMergeRequestFailsTheJobAndThePipeline() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("regenerate the zone");
    Run run = pipeline(mergeRequest("team::dns"));
    assertThat(run.exit()).as(run.out()).isNotZero();
    assertThat(run.out()).contains("FAIL  zonegate").contains("Running after script");
    assertThat(jobLog()).contains("block   address-emptied db.example.com. A");
    reportedAndNoted(run, "block");
    assertThat(Files.readString(artifacts().resolve("zonegate-report.md"))).contains("address-emptied");
    assertThat(Files.readString(artifacts().resolve("zonegate-junit.xml"))).contains("<failure");
  }

  @Test
  void aBenignMergeRequestPasses() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    Run run = pipeline(mergeRequest(""));
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("PASS  zonegate");
    reportedAndNoted(run, "pass");
  }

  @Test
  void mergeRequestLabelsAllowWhatWouldBlock() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("retire db; orders goes next");
    Run run = pipeline(mergeRequest(
        "team::dns,zonegate-allow:address-emptied:db.example.com.,zonegate-allow:dangling-reference:db.example.com."));
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(jobLog()).contains("allowed by merge-request label zonegate-allow:address-emptied:db.example.com.");
    reportedAndNoted(run, "pass");
  }

  @Test
  void withoutATokenNothingIsPosted() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    List<String> variables = mergeRequest("");
    variables.removeIf(v -> v.startsWith("ZONEGATE_GITLAB_TOKEN="));
    Run run = pipeline(variables);
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(jobLog()).containsPattern("(?m)^zonegate: pass \\(");
    assertThat(artifacts().resolve("zonegate-report.md")).isNotEmptyFile();
    assertThat(notes).isEmpty();
    assertThat(run.out()).doesNotContain("could not post");
  }

  @Test
  void aPushPipelineDoesNotRunTheJob() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("regenerate the zone");
    List<String> variables = mergeRequest("");
    variables.removeIf(v -> v.startsWith("CI_PIPELINE_SOURCE="));
    Run run = pipeline(variables); // gitlab-ci-local's own CI_PIPELINE_SOURCE: push
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).doesNotContain("zonegate starting").contains("pipeline finished");
    assertThat(state().resolve("artifacts/zonegate")).doesNotExist();
    assertThat(notes).isEmpty();
    noTokenLeft(run);
  }
}
