package dev.zonegate.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * git's pre-push protocol (githooks(5)): one line per ref, {@code <local ref> <local sha>
 * <remote ref> <remote sha>}. A deleted ref (all-zero local sha) has nothing to judge; a new
 * branch (all-zero remote sha) is compared with the merge-base of the remote's default branch.
 */
public final class PrePush {
  /** One ref being pushed; {@code remoteSha} null for a new branch. */
  public record Update(String localRef, String localSha, String remoteRef, String remoteSha) {}

  private PrePush() {}

  public static List<Update> parse(String stdin) throws CheckException {
    List<Update> out = new ArrayList<>();
    for (String line : stdin.split("\n")) {
      String l = line.trim();
      if (l.isEmpty()) {
        continue;
      }
      String[] f = l.split("\\s+");
      if (f.length != 4 || !f[1].matches("[0-9a-f]{40,64}") || !f[3].matches("[0-9a-f]{40,64}")) {
        throw new CheckException("git sent a pre-push line zonegate does not understand: '" + l + "'");
      }
      if (zero(f[1])) {
        continue;
      }
      out.add(new Update(f[0], f[1], f[2], zero(f[3]) ? null : f[3]));
    }
    return out;
  }

  private static boolean zero(String sha) {
    return sha.chars().allMatch(c -> c == '0');
  }
}
