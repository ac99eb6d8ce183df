package dev.zonegate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config} or {@code --octodns-config}, never both: shared by the repository commands as a
 * mixin (picocli's annotation processor cannot share one arg group between commands).
 */
final class ConfigChoice {
  @Option(names = "--config", paramLabel = "FILE", description = "zonegate.yaml to use (default: zonegate.yaml in the repository).")
  Path zonegate;

  @Option(names = "--octodns-config", paramLabel = "FILE", description = "An octoDNS config standing in for zonegate.yaml.")
  Path octodns;

  /** Refuses both at once, as a usage error. */
  ConfigChoice checked() {
    if (zonegate != null && octodns != null) {
      throw new IllegalArgumentException("--config and --octodns-config are mutually exclusive");
    }
    return this;
  }
}
