package dev.zonegate.gate;

import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.report.Report;
import dev.zonegate.zone.Limits;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.terraform.TerraformPlanReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code zonegate terraform PLAN.json}: the DNS part of a Terraform plan judged like a zone diff,
 * each zone's prior state as live and its planned state as proposed. A plan that cannot be read
 * is exit 2: it is never judged in part.
 */
public final class TerraformPlan {
  private TerraformPlan() {}

  /** Judges the plan at {@code path} ({@code -}: {@code stdin}) with {@code gate}, and reports. */
  public static Report judge(String path, InputStream stdin, Map<String, String> zoneNames, Gate gate)
      throws ZoneReadException, IOException {
    String shown = path.equals("-") ? "(standard input)" : path;
    byte[] bytes = read(path, stdin, shown);
    TerraformPlanReader.Read plan = TerraformPlanReader.read(bytes, shown, zoneNames);
    for (Notice n : plan.notices()) {
      gate.notice(n);
    }
    if (plan.zones().isEmpty()) {
      gate.notice(new Notice(new Location(shown, 0), "the plan has 0 DNS changes"
          + (plan.dnsResources() == 0 ? " (it holds no DNS record resources)" : "")));
    }
    for (TerraformPlanReader.PlanZone z : plan.zones()) {
      gate.judge(new Gate.Subject(z.label(), z.before(), z.after(), null, List.of(), null, new Location(shown, 0))
          .withLive(z.live()));
    }
    Map<String, String> judged = new LinkedHashMap<>();
    judged.put("plan", shown + (plan.terraformVersion().isEmpty() ? "" : " (terraform " + plan.terraformVersion() + ")"));
    return gate.report().judgedFirst(judged);
  }

  private static byte[] read(String path, InputStream stdin, String shown) throws ZoneReadException, IOException {
    long max = Limits.Limit.MAX_FILE_BYTES.get();
    if (path.equals("-")) {
      byte[] b = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (b.length > max) {
        throw new ZoneReadException(new Location(shown, 0), Limits.Limit.MAX_FILE_BYTES.exceeded("the plan's size"));
      }
      return b;
    }
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new ZoneReadException(new Location(shown, 0), Files.exists(p) ? "is not a regular file" : "does not exist");
    }
    if (Files.size(p) > max) {
      throw new ZoneReadException(new Location(shown, 0), Limits.Limit.MAX_FILE_BYTES.exceeded("the plan's size"));
    }
    return Files.readAllBytes(p);
  }
}
