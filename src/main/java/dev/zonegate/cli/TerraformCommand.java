package dev.zonegate.cli;

import dev.zonegate.gate.Gate;
import dev.zonegate.gate.TerraformPlan;
import dev.zonegate.report.Report;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zonegate terraform PLAN.json}: the DNS changes of a Terraform plan, judged. */
@Command(
    name = "terraform",
    description = {
      "Judge the DNS changes of a Terraform plan (terraform show -json PLANFILE): each zone's prior state is live,"
          + " its planned state proposed. Reads aws_route53_record, cloudflare_record, cloudflare_dns_record,"
          + " google_dns_record_set and azurerm_dns_*_record; other resources are counted, not judged.",
      "Exit 0 pass, 1 blocked, 2 could not decide (a plan that cannot be read is never judged in part)."
    })
final class TerraformCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN.json", description = "The plan as JSON; - reads standard input.")
  String plan;

  @Option(names = "--zone", paramLabel = "ID=NAME", description = "Name a zone the plan gives only by id (repeatable).")
  List<String> zones = new ArrayList<>();

  @Mixin GateOptions gate = new GateOptions();

  @Mixin ReportOptions reports = new ReportOptions();

  @Override
  public Integer call() throws Exception {
    Map<String, String> names = new LinkedHashMap<>();
    for (String z : zones) {
      int eq = z.indexOf('=');
      if (eq <= 0 || eq == z.length() - 1) {
        throw new IllegalArgumentException("--zone takes ID=NAME, e.g. --zone Z0123456789ABC=example.com");
      }
      names.put(z.substring(0, eq), Origins.absolute(z.substring(eq + 1)));
    }
    Gate g = gate.newGate().fingerprints(reports.needsFingerprints());
    // A plan has no commits and no merge request: only --allow lets a finding through.
    Report report = TerraformPlan.judge(plan, Context.in(), names, g).withAllowRoutes(EnumSet.of(Report.AllowRoute.FLAG));
    for (var n : report.notices()) {
      Context.err().println("zonegate: " + n);
    }
    reports.write(report);
    return report.verdict().exitCode();
  }
}
