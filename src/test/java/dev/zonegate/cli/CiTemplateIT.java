package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The GitLab template's Terraform job, run as GitLab would run it: its script, from
 * {@code ci/zonegate.gitlab-ci.yml}, through a shell with the job's variables, against the
 * shaded jar. A plan that passes exits 0, one that blocks exits 1, one that cannot be read exits
 * 2, and every report the job keeps as an artifact is written each time.
 */
class CiTemplateIT {
  @TempDir Path tmp;

  int runJob(String plan) throws Exception {
    return runJob(plan, null);
  }

  /** The job, with {@code javaOpts} for ZONEGATE_JAVA_OPTS instead of the template's own when not null. */
  int runJob(String plan, String javaOpts) throws Exception {
    JsonNode template = YAMLMapper.builder().build().readTree(Path.of("ci/zonegate.gitlab-ci.yml").toFile());
    JsonNode job = template.get(".zonegate-terraform");
    assertThat(job.get("extends").asString()).isEqualTo(".zonegate-reports");
    StringBuilder script = new StringBuilder();
    for (JsonNode line : job.get("script")) {
      script.append(line.asString()).append('\n');
    }
    ProcessBuilder pb = new ProcessBuilder("bash", "-ec", script.toString()).directory(tmp.toFile())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("job.log").toFile());
    pb.environment().put("ZONEGATE_JAR", Path.of("target/zonegate.jar").toAbsolutePath().toString());
    pb.environment().put("ZONEGATE_PLAN", Path.of(plan).toAbsolutePath().toString());
    pb.environment().put("ZONEGATE_ARGS", "");
    pb.environment().put("ZONEGATE_JAVA_OPTS", javaOpts != null ? javaOpts : template.get("variables").get("ZONEGATE_JAVA_OPTS").asString());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  void reportsKept() throws Exception {
    JsonNode artifacts = YAMLMapper.builder().build().readTree(Path.of("ci/zonegate.gitlab-ci.yml").toFile())
        .get(".zonegate-reports").get("artifacts");
    assertThat(artifacts.get("when").asString()).isEqualTo("always");
    for (String f : List.of("zonegate-report.md", "zonegate-junit.xml", "zonegate-codequality.json", "zonegate-report.json",
        "zonegate-report.sarif", "zonegate-report.html")) {
      assertThat(tmp.resolve("zonegate-reports").resolve(f)).exists();
    }
    assertThat(tmp.resolve(artifacts.get("reports").get("junit").asString())).exists();
    assertThat(tmp.resolve(artifacts.get("reports").get("codequality").asString())).exists();
  }

  @Test
  void aPlanThatPassesPassesTheJob() throws Exception {
    assertThat(runJob("testdata/scenarios/terraform-record-added/plan.json")).as(log()).isZero();
    reportsKept();
    assertThat(log()).startsWith("zonegate: pass");
  }

  @Test
  void aPlanThatBlocksFailsTheJobWithItsReportsKept() throws Exception {
    assertThat(runJob("testdata/scenarios/terraform-weighted-endpoint-emptied/plan.json")).as(log()).isEqualTo(1);
    reportsKept();
    assertThat(Files.readString(tmp.resolve("zonegate-reports/zonegate-report.md"))).contains("address-emptied");
    // The verdict is in the job log too, not only in the artifacts.
    assertThat(log()).startsWith("zonegate: block").contains("block   address-emptied db.example.com. A");
  }

  @Test
  void aPlanThatCannotBeReadFailsTheJobUndecided() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"format_version\":\"1.2\",\"resource_changes\":[");
    assertThat(runJob(bad.toString())).as(log()).isEqualTo(2);
  }

  String log() throws Exception {
    Path l = tmp.resolve("job.log");
    return Files.exists(l) ? Files.readString(l, StandardCharsets.UTF_8) : "";
  }

  @Test
  void aJavaThatCannotStartFailsTheJobAsUndecidedNotAsABlock() throws Exception {
    // java -jar alone exits 1 when the JVM cannot start, as a block does; the job tells them apart.
    assertThat(runJob("testdata/scenarios/terraform-record-added/plan.json", "-Xmx1m")).as(log()).isEqualTo(2);
    assertThat(log().strip()).endsWith("zonegate: error: Java stopped before zonegate could decide (exit 1), so no verdict;"
        + " check ZONEGATE_JAVA_OPTS and the job's Java");
  }
}
