package dev.ember.codegen.spec;

/**
 * The compiler rejected a kernel's generated source: a bug in a generator, not a limit of code
 * generation. Falls back to interpretation like any {@link KernelCompilationException} unless
 * {@code spark.sql.codegen.fallback} is false, in which case the query fails with it.
 */
public class InvalidKernelSourceException extends KernelCompilationException {
  private static final long serialVersionUID = 1L;

  public InvalidKernelSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
