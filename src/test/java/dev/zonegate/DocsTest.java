package dev.zonegate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.cli.AllCommands;
import dev.zonegate.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user documentation holds together: every relative link in {@code README.md} and
 * {@code docs/} leads to a file that exists (and, into a Markdown page, to a heading it has); no
 * shipped text points at paths outside the repository or at the internal specification; the help
 * of every command says nothing of either; and {@code docs/configuration.md} names every property
 * of the shipped {@code zonegate.yaml} schema.
 */
class DocsTest {
  /** Maven runs the tests in the project's root directory. */
  static final Path ROOT = Path.of("").toAbsolutePath();

  /** What no shipped text may mention: paths outside the repository, the internal spec. */
  static final List<String> FORBIDDEN = List.of("../shared", "SPEC.md", "SPEC §");

  /** {@code [text](target)} and {@code ![alt](target "title")}; the text may hold one level of brackets. */
  private static final Pattern INLINE_LINK =
      Pattern.compile("\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^\\s)<>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** {@code [label]: target}, a reference definition. */
  private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");

  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*|^//.*");

  /** README.md and every Markdown page under docs/. */
  static List<Path> markdownPages() throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(ROOT.resolve("README.md"));
    try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().forEach(out::add);
    }
    return out;
  }

  /** The lines of a Markdown text outside fenced code blocks, with inline code spans removed. */
  static List<String> prose(String text) {
    List<String> out = new ArrayList<>();
    String fence = null;
    for (String line : text.split("\n", -1)) {
      String t = line.stripLeading();
      if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
        fence = t.substring(0, 3);
        out.add("");
        continue;
      }
      if (fence != null) {
        if (t.startsWith(fence)) {
          fence = null;
        }
        out.add("");
        continue;
      }
      out.add(line.replaceAll("`+[^`]*`+", "``"));
    }
    return out;
  }

  /** Every link target written in a page's prose, with its line number. */
  static List<Map.Entry<Integer, String>> links(String text) {
    List<Map.Entry<Integer, String>> out = new ArrayList<>();
    List<String> lines = prose(text);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = INLINE_LINK.matcher(lines.get(i));
      while (m.find()) {
        out.add(Map.entry(i + 1, m.group(1)));
      }
      Matcher r = REFERENCE.matcher(lines.get(i));
      if (r.matches()) {
        out.add(Map.entry(i + 1, r.group(1)));
      }
    }
    return out;
  }

  /** The anchors GitHub and GitLab make of a page's headings (lower-case, punctuation dropped, spaces to dashes). */
  static Set<String> anchors(String text) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    String fence = null;
    for (String line : text.split("\n", -1)) {
      String t = line.stripLeading();
      if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
        fence = t.substring(0, 3);
        continue;
      }
      if (fence != null) {
        if (t.startsWith(fence)) {
          fence = null;
        }
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (!h.matches()) {
        continue;
      }
      String slug = h.group(2)
          .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
          .replace("`", "")
          .toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{N} _-]", "")
          .replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum);
      out.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    return out;
  }

  @Test
  void everyRelativeLinkInTheReadmeAndTheGuideLeadsToAFileAndHeadingThatExist() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : markdownPages()) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      for (Map.Entry<Integer, String> link : links(text)) {
        String target = link.getValue();
        if (SCHEME.matcher(target).matches()) {
          continue; // https:, mailto: and the like: not a file of the repository
        }
        checked++;
        String where = ROOT.relativize(page) + ":" + link.getKey() + ": " + target;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(ROOT)) {
          broken.add(where + " (leaves the repository)");
        } else if (!Files.exists(resolved)) {
          broken.add(where + " (no such file)");
        } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
            && !anchors(Files.readString(resolved, StandardCharsets.UTF_8)).contains(anchor)) {
          broken.add(where + " (no heading #" + anchor + " in " + ROOT.relativize(resolved) + ")");
        }
      }
    }
    assertThat(checked).as("relative links found").isGreaterThan(20);
    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  @Test
  void theAnchorsAreTheOnesGithubMakes() {
    assertThat(anchors("# `zonegate.yaml` reference\n## A full example\n## Live sources\n## Live sources\n"
        + "```\n# not a heading\n```\n### `axfr`: zone transfer\n"))
        .containsExactly("zonegateyaml-reference", "a-full-example", "live-sources", "live-sources-1", "axfr-zone-transfer");
  }

  @Test
  void noShippedTextPointsOutsideTheRepositoryOrAtTheSpec() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    files.add(ROOT.resolve("action.yml"));
    files.add(ROOT.resolve("pom.xml"));
    // The code's own comments too: a reader of the source has the repository and nothing else.
    for (String dir : List.of("docs", "ci", "rules", "src/main")) {
      try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    List<String> found = new ArrayList<>();
    for (Path f : files) {
      // Decoded leniently: a stray byte in some file must not hide what the others say.
      String[] lines = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        for (String word : FORBIDDEN) {
          if (lines[i].contains(word)) {
            found.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + word);
          }
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(10);
    assertThat(found).as("mentions of paths outside the repository or of the spec").isEmpty();
  }

  /** Every command path under {@code cl}: {@code []}, {@code [check]}, {@code [hook, install]}, ... */
  static void commands(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(path);
    for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      commands(sub.getValue(), next, out);
    }
  }

  @Test
  void noCommandsHelpMentionsTheSpecOrPathsOutsideTheRepository() {
    List<List<String>> paths = new ArrayList<>();
    commands(new CommandLine(new AllCommands()), List.of(), paths);
    assertThat(paths).contains(List.of("check"), List.of("diff"), List.of("lint"), List.of("snapshot"), List.of("verify"),
        List.of("terraform"), List.of("hook", "install"), List.of("hook", "pre-push"), List.of("rules", "list"),
        List.of("rules", "explain"), List.of("rules", "validate"), List.of("help"));
    List<String> found = new ArrayList<>();
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        exit = Main.run(args.toArray(String[]::new), o, e, new ByteArrayInputStream(new byte[0]), Map.of());
      }
      String help = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
      String name = String.join(" ", args);
      assertThat(exit).as(name).isZero();
      assertThat(help).as(name).contains("Usage:");
      for (String word : List.of("../shared", "SPEC")) {
        if (help.contains(word)) {
          found.add("zonegate " + name + ": " + word);
        }
      }
    }
    assertThat(found).as("help texts naming the spec or paths outside the repository").isEmpty();
  }

  /** Every name under a {@code properties} object of a JSON Schema, at any depth. */
  static void propertyNames(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        out.addAll(props.propertyNames());
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        propertyNames(e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        propertyNames(child, out);
      }
    }
  }

  @Test
  void theConfigurationPageNamesEveryPropertyOfTheShippedConfigSchema() throws IOException {
    JsonNode schema;
    try (InputStream in = Main.class.getResourceAsStream("/dev/zonegate/schema/zonegate-config.schema.json")) {
      assertThat(in).as("the config schema in the jar").isNotNull();
      schema = JsonMapper.builder().build().readTree(in);
    }
    Set<String> names = new TreeSet<>();
    propertyNames(schema, names);
    assertThat(names).contains("zones", "rules", "live", "axfr", "tsig", "secretEnv", "route53", "cloudflare");
    String page = Files.readString(ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!page.contains("`" + name + "`")) {
        missing.add(name);
      }
    }
    assertThat(missing).as("config properties docs/configuration.md does not name (as `name`)").isEmpty();
  }
}
