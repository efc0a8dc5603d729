package dev.ember.codegen.spec;

/**
 * A kernel provider could not build a kernel for a pipeline. Not a query error: the query compiler
 * catches it, records the reason for {@code explain()} and runs that pipeline interpreted.
 */
public class KernelCompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KernelCompilationException(String message) {
    super(message);
  }

  public KernelCompilationException(String message, Throwable cause) {
    super(message, cause);
  }
}
