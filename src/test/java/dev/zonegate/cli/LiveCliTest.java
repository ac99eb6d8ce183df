package dev.zonegate.cli;

import dev.zonegate.testing.GitFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the CLI tests against a live source share: a zone repository ({@link #git}, its deployed
 * commit {@link #base}), and running zonegate so that every output lands in {@link #said()}, which
 * each test class searches for its secret once all its tests have run.
 */
abstract class LiveCliTest {
  GitFixture git;
  String base;

  /** Where this class keeps every output, for its secret search. */
  abstract List<String> said();

  Cli run(Map<String, String> env, String... args) {
    Cli r = Cli.run(env, "", args);
    said().add(r.out());
    said().add(r.err());
    return r;
  }

  /** {@code zonegate check} of the repository against {@link #base}, with {@code extra} options. */
  Cli check(Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("check", "--repo", git.dir().toString(), "--base", base));
    args.addAll(List.of(extra));
    return run(env, args.toArray(String[]::new));
  }

  /** Commits {@code text} as the proposed {@code file}. */
  void propose(String file, String text) throws Exception {
    git.write(file, text);
    git.commit("proposed");
  }
}
