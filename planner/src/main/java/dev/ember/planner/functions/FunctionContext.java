package dev.ember.planner.functions;

/**
 * Session values an implementation method may take as leading parameters, in this order, before the
 * arguments: the kernels pass them, so one compiled method serves every session.
 */
public enum FunctionContext {
  /** {@code boolean}: {@code spark.sql.ansi.enabled}. */
  ANSI(boolean.class),
  /** {@code java.time.ZoneId}: {@code spark.sql.session.timeZone}. */
  SESSION_TIME_ZONE(java.time.ZoneId.class),
  /**
   * {@code dev.ember.sql.types.DataType[]}: the call's argument types after coercion, one per
   * argument, for implementations whose result depends on the type and not only on the Java value
   * (hash: a decimal's precision, a date against an int). Never modified by the implementation.
   */
  ARGUMENT_TYPES(dev.ember.sql.types.DataType[].class);

  private final Class<?> javaType;

  FunctionContext(Class<?> javaType) {
    this.javaType = javaType;
  }

  public Class<?> javaType() {
    return javaType;
  }
}
