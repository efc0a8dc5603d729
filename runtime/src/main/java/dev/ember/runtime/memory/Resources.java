package dev.ember.runtime.memory;

/** Closing several resources, each of which must be closed even when another fails. */
public final class Resources {
  private Resources() {}

  /**
   * Closes every resource, then throws the first failure with the later ones suppressed in it; a
   * checked exception is wrapped in an {@link IllegalStateException}.
   */
  public static void closeAll(Iterable<? extends AutoCloseable> resources) {
    RuntimeException failure = null;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        RuntimeException wrapped = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
