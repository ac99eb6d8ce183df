package dev.zonegate.util;

/**
 * One task on a daemon thread of its own, started at once, so that this thread can do other work
 * meanwhile (read NEW while OLD is read, hash a zone while the rules run). {@link #join} gives its
 * result, or throws what the task threw, as it was: an error reads the same as in a sequential
 * run. Daemon, so a run that fails early never waits for it.
 */
public final class Background<T, E extends Exception> {
  /** The work: a result, or an exception of type {@code E} (or an unchecked one). */
  @FunctionalInterface
  public interface Task<T, E extends Exception> {
    T call() throws E;
  }

  private final Thread thread;
  private T result;
  private Throwable failure;

  private Background(String name, Task<T, E> task, boolean start) {
    Runnable run = () -> {
      try {
        result = task.call();
      } catch (Throwable t) { // handed to join, which throws it on the caller's thread
        failure = t;
      }
    };
    if (start) {
      thread = new Thread(run, name);
      thread.setDaemon(true);
      thread.start();
    } else {
      thread = null;
      run.run();
    }
  }

  /** Starts {@code task} on a new daemon thread named {@code name}. */
  public static <T, E extends Exception> Background<T, E> start(String name, Task<T, E> task) {
    return new Background<>(name, task, true);
  }

  /** Runs {@code task} here and now (work too small for a thread), with the same {@link #join}. */
  public static <T, E extends Exception> Background<T, E> now(Task<T, E> task) {
    return new Background<>(null, task, false);
  }

  /** Waits for the task (through interrupts, which it keeps) and gives its result. */
  @SuppressWarnings("unchecked") // Task.call throws only E or unchecked exceptions
  public T join() throws E {
    boolean interrupted = false;
    while (thread != null) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure != null) {
      throw (E) failure;
    }
    return result;
  }
}
