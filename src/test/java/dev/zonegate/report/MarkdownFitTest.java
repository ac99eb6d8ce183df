package dev.zonegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownFitTest {
  @Test
  void aNoteOverTheLimitIsCutAtALineClosesItsDetailsAndSaysSo() {
    StringBuilder sb = new StringBuilder("verdict\n<details><summary>many</summary>\n\n");
    for (int i = 0; i < 5000; i++) {
      sb.append("| row ").append(i).append(" |\n");
    }
    String fitted = MarkdownRenderer.fit(sb.toString(), 10_000);
    assertThat(fitted.length()).isLessThanOrEqualTo(10_000);
    assertThat(fitted).startsWith("verdict\n").contains("\n</details>").endsWith("the full report is in the job's artifacts.\n");
    assertThat(fitted).contains("**Report truncated**");
  }

  @Test
  void aShortNoteIsUntouched() {
    assertThat(MarkdownRenderer.fit("short\n", 10_000)).isEqualTo("short\n");
  }
}
