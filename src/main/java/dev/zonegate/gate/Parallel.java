package dev.zonegate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks on a few threads and hands back their results in task order; the first
 * failure in task order is thrown as itself, so errors read the same as in a sequential run.
 */
final class Parallel {
  private Parallel() {}

  static <T> List<T> run(List<Callable<T>> tasks, int threads) throws Exception {
    List<T> out = new ArrayList<>(tasks.size());
    if (threads <= 1 || tasks.size() <= 1) {
      for (Callable<T> t : tasks) {
        out.add(t.call());
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
      Thread t = new Thread(r, "zonegate-zone");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Exception) {
            throw (Exception) e.getCause();
          }
          throw e;
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
