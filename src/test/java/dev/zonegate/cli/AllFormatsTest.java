package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every report format written by {@code diff} from a change whose record data is hostile:
 * each must stay well-formed for its parser, neutralise the data, and come out byte-identical
 * from the same input.
 */
class AllFormatsTest {
  static final List<String> FILES =
      List.of(
          "zonegate-report.md",
          "zonegate-report.json",
          "zonegate-junit.xml",
          "zonegate-codequality.json",
          "zonegate-report.sarif",
          "zonegate-report.html");

  @TempDir Path dir;

  static final String LONG = "x".repeat(4000);

  void zones() throws Exception {
    String head = "$ORIGIN example.com.\n$TTL 300\n@ NS ns1.example.net.\n@ NS ns2.example.org.\n";
    // Hostile owners on TXT: named refuses them on an A record (check-names), and so does zonegate.
    Files.writeString(dir.resolve("old.zone"), head
        + "\\060script\\062alert\\0401\\060/script\\062 TXT \"93.184.215.1\"\n"
        + "\\060script\\062alert\\0401\\060/script\\062 TXT \"93.184.215.2\"\n"
        + "pool A 93.184.215.3\npool A 93.184.215.4\n");
    Files.writeString(dir.resolve("new.zone"), head
        + "evil TXT \"<script>alert(1)</script> | `tick` [x](javascript:alert(1)) \\027[31mred\\027[0m @all #1 ]]> &amp;\"\n"
        + "long TXT \"" + LONG.substring(0, 255) + "\" \"" + LONG.substring(0, 255) + "\"\n"
        + "a|b\\`c TXT \"10.0.0.1\"\n");
  }

  Cli diff(Path out) {
    return Cli.run("diff", dir.resolve("old.zone").toString(), dir.resolve("new.zone").toString(),
        "--origin", "example.com", "--out", out.toString(),
        "--format", "text", "--format", "markdown", "--format", "json", "--format", "junit",
        "--format", "codequality", "--format", "sarif", "--format", "html");
  }

  @Test
  void everyFormatIsWrittenWellFormedAndNeutralisesRecordData() throws Exception {
    zones();
    Path out = dir.resolve("out");
    Cli r = diff(out);
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    for (String f : FILES) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    assertThat(r.out()).doesNotContain("\u001b").contains("\\027[31m");

    String md = Files.readString(out.resolve("zonegate-report.md"));
    assertThat(md).doesNotContain("<script").doesNotContain("](javascript").doesNotContain("\u001b");
    // Inside <code> GitLab neither mentions nor links; outside it, data must not carry @all.
    assertThat(md.replaceAll("<code>.*?</code>", "")).doesNotContain("@all");
    for (String line : md.split("\n")) {
      if (line.startsWith("| ")) {
        assertThat(line.chars().filter(c -> c == '|').count()).as(line).isLessThanOrEqualTo(8);
      }
    }

    JsonMapper json = JsonMapper.builder().build();
    JsonNode report = json.readTree(out.resolve("zonegate-report.json").toFile());
    assertThat(report.toString()).contains("<script>alert(1)</script>");
    assertThat(json.readTree(out.resolve("zonegate-codequality.json").toFile()).isArray()).isTrue();
    assertThat(json.readTree(out.resolve("zonegate-report.sarif").toFile()).get("version").asString()).isEqualTo("2.1.0");

    var dbf = DocumentBuilderFactory.newInstance();
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    dbf.newDocumentBuilder().parse(out.resolve("zonegate-junit.xml").toFile());
    String html = Files.readString(out.resolve("zonegate-report.html"));
    assertThat(html).doesNotContain("<script").doesNotContain("javascript:alert(1)\"").doesNotContain("\u001b");
    dbf.newDocumentBuilder().parse(new ByteArrayInputStream(html.replaceFirst("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSameInputGivesTheSameBytes() throws Exception {
    zones();
    diff(dir.resolve("one"));
    diff(dir.resolve("two"));
    for (String f : FILES) {
      assertThat(Files.readAllBytes(dir.resolve("one").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("two").resolve(f)));
    }
  }

  @Test
  void checkWritesEveryFormatToo() throws Exception {
    var git = GitFixture.init(dir.resolve("repo"));
    git.write("zonegate.yaml", CheckCommandTest.CONFIG)
        .write("zones/example.com.zone", CheckCommandTest.com("1", CheckCommandTest.DB))
        .write("zones/common/mail.inc", "@ MX 10 mx1\nmx1 A 93.184.215.25\n")
        .write("zones/example.net.zone", CheckCommandTest.NET);
    String base = git.commit("base");
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    Path out = dir.resolve("check-out");
    Cli r = Cli.run("check", "--repo", git.dir().toString(), "--base", base, "--out", out.toString(),
        "--format", "markdown", "--format", "json", "--format", "junit", "--format", "codequality",
        "--format", "sarif", "--format", "html", "--format", "text");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    for (String f : FILES) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    assertThat(Files.readString(out.resolve("zonegate-codequality.json"))).contains("\"path\" : \"zones/example.com.zone\"");
  }
}
