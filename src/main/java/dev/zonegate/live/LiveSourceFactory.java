package dev.zonegate.live;

import dev.zonegate.config.LiveConfig;
import java.util.Map;

/**
 * Makes the live source of one provider API from its config (a public no-argument class in the
 * provider's own package, named in {@link LiveSources}). Nothing is contacted and no secret is
 * read here: that happens in {@link LiveSource#read}, so a missing credential fails the check that
 * needs it. {@code env} is where the credentials the config names are read from.
 */
public interface LiveSourceFactory {
  LiveSource open(String zone, LiveConfig config, Map<String, String> env);
}
