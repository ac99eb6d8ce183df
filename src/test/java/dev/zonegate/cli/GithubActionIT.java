package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The GitHub Action's command line, run locally as the runner would run it: {@code action.yml}'s
 * check step through bash, with its inputs as the runner passes them, in a zone repository, against
 * the shaded jar. A blocking pull request fails the step with verdict {@code block}, a benign one
 * passes; the reports, the step summary and the verdict output are written. It writes the same
 * reports as the GitLab template's job.
 */
class GithubActionIT {
  @TempDir Path tmp;
  GitFixture git;
  String base;
  JsonNode action;

  @BeforeEach
  void repo() throws Exception {
    git = CheckCommandTest.deployed(tmp.resolve("repo"));
    base = git.git("rev-parse", "HEAD").trim();
    action = YAMLMapper.builder().build().readTree(Path.of("action.yml").toFile());
  }

  int runStep() throws Exception {
    JsonNode step = action.at("/runs/steps/0");
    assertThat(step.get("shell").asString()).isEqualTo("bash");
    ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", step.get("run").asString()).directory(git.dir().toFile())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("step.log").toFile());
    pb.environment().put("ZONEGATE_JAR", Path.of("target/zonegate.jar").toAbsolutePath().toString());
    pb.environment().put("ZONEGATE_BASE", base);
    pb.environment().put("ZONEGATE_ARGS", "");
    pb.environment().put("ZONEGATE_JAVA_OPTS", action.at("/inputs/java-opts/default").asString());
    pb.environment().put("GITHUB_OUTPUT", tmp.resolve("output").toString());
    pb.environment().put("GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  String read(String file) throws Exception {
    Path f = tmp.resolve(file);
    return Files.exists(f) ? Files.readString(f) : "";
  }

  @Test
  void aBlockingPullRequestFailsTheStepWithItsReports() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("regenerate the zone");
    assertThat(runStep()).as(read("step.log")).isEqualTo(1);
    assertThat(read("step.log")).startsWith("zonegate: block");
    assertThat(read("output")).contains("verdict=block");
    assertThat(read("summary.md")).contains("address-emptied");
    for (String f : new String[] {"zonegate-report.sarif", "zonegate-report.md", "zonegate-junit.xml", "zonegate-report.json"}) {
      assertThat(git.dir().resolve("zonegate-reports").resolve(f)).exists();
    }
    assertThat(action.at("/runs/steps/1/uses").asString()).startsWith("github/codeql-action/upload-sarif@");
    assertThat(action.at("/runs/steps/1/with/sarif_file").asString()).isEqualTo("zonegate-reports/zonegate-report.sarif");
  }

  @Test
  void aBenignPullRequestPasses() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    assertThat(runStep()).as(read("step.log")).isZero();
    assertThat(read("output")).contains("verdict=pass");
  }

  @Test
  void itWritesTheSameReportsAsTheGitlabTemplate() throws Exception {
    JsonNode gitlab = YAMLMapper.builder().build().readTree(Path.of("ci/zonegate.gitlab-ci.yml").toFile());
    assertThat(formats(action.at("/runs/steps/0/run").asString())).isEqualTo(formats(gitlab.at("/zonegate/script/0").asString()));
    assertThat(action.at("/inputs/java-opts/default").asString()).isEqualTo(gitlab.at("/variables/ZONEGATE_JAVA_OPTS").asString());
  }

  static List<String> formats(String commandLine) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("--(format|out) (\\S+)").matcher(commandLine);
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(2));
    }
    return out;
  }
}
