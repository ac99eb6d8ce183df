package dev.zonegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** git's pre-push stdin (githooks(5)): which refs the hook judges, and which lines it refuses. */
class PrePushTest {
  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);
  private static final String ZERO = "0".repeat(40);

  @Test
  void anUpdatedBranchIsJudgedAgainstTheRemoteSha() throws Exception {
    List<PrePush.Update> u = PrePush.parse("refs/heads/main " + A + " refs/heads/main " + B + "\n");
    assertThat(u).containsExactly(new PrePush.Update("refs/heads/main", A, "refs/heads/main", B));
  }

  @Test
  void aNewBranchHasNoRemoteSha() throws Exception {
    // all-zero remote sha: nothing on the remote yet, compared with the merge-base instead
    List<PrePush.Update> u = PrePush.parse("refs/heads/new " + A + " refs/heads/new " + ZERO);
    assertThat(u).containsExactly(new PrePush.Update("refs/heads/new", A, "refs/heads/new", null));
  }

  @Test
  void aDeletedRefIsNotJudged() throws Exception {
    // all-zero local sha: the ref is deleted, there is no content to judge
    assertThat(PrePush.parse("(delete) " + ZERO + " refs/heads/old " + B)).isEmpty();
  }

  @Test
  void aShaWithSomeZerosIsNotAllZero() throws Exception {
    String mostlyZero = "0".repeat(39) + "1";
    List<PrePush.Update> u = PrePush.parse("refs/heads/x " + mostlyZero + " refs/heads/x " + mostlyZero);
    assertThat(u).containsExactly(new PrePush.Update("refs/heads/x", mostlyZero, "refs/heads/x", mostlyZero));
  }

  @Test
  void blankLinesAndSurroundingSpaceAreIgnoredAndEveryRefIsKept() throws Exception {
    String stdin = "\n  refs/heads/a " + A + " refs/heads/a " + B + "  \n\n"
        + "refs/heads/b\t" + B + "\trefs/heads/b\t" + ZERO + "\n   \n"
        + "(delete) " + ZERO + " refs/heads/c " + A + "\n";
    assertThat(PrePush.parse(stdin))
        .containsExactly(
            new PrePush.Update("refs/heads/a", A, "refs/heads/a", B),
            new PrePush.Update("refs/heads/b", B, "refs/heads/b", null));
    assertThat(PrePush.parse("")).isEmpty();
  }

  @Test
  void aSha256ShaIsUnderstood() throws Exception {
    String long1 = "c".repeat(64);
    assertThat(PrePush.parse("refs/heads/m " + long1 + " refs/heads/m " + long1)).hasSize(1);
  }

  @Test
  void aLineWithTheWrongNumberOfFieldsIsRefused() {
    assertThatThrownBy(() -> PrePush.parse("refs/heads/main " + A + " refs/heads/main"))
        .isInstanceOf(CheckException.class)
        .hasMessageContaining("does not understand")
        .hasMessageContaining("'refs/heads/main " + A + " refs/heads/main'");
    assertThatThrownBy(() -> PrePush.parse("refs/heads/main " + A + " refs/heads/main " + B + " extra"))
        .isInstanceOf(CheckException.class);
  }

  @Test
  void aLocalShaThatIsNoShaIsRefused() {
    assertThatThrownBy(() -> PrePush.parse("refs/heads/main HEAD refs/heads/main " + B))
        .isInstanceOf(CheckException.class)
        .hasMessageContaining("does not understand");
  }

  @Test
  void aRemoteShaThatIsNoShaIsRefused() {
    assertThatThrownBy(() -> PrePush.parse("refs/heads/main " + A + " refs/heads/main " + "B".repeat(40)))
        .isInstanceOf(CheckException.class)
        .hasMessageContaining("does not understand");
  }
}
