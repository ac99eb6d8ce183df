package dev.zonegate.live.route53;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSourceFactory;
import java.util.Map;

/**
 * Makes the Route 53 live source. {@link dev.zonegate.live.LiveSources} loads this class by name,
 * and only for a zone whose config names {@code route53}: a run that does not never loads the AWS
 * SDK.
 */
public final class Route53Factory implements LiveSourceFactory {
  public Route53Factory() {}

  @Override
  public LiveSource open(String zone, LiveConfig config, Map<String, String> env) {
    if (!(config instanceof LiveConfig.Route53 r)) {
      throw new IllegalArgumentException("not a route53 config: " + config.getClass().getSimpleName());
    }
    return new Route53Source(r, env);
  }
}
