package dev.ember.planner.functions;

/**
 * Session values an implementation method may take as leading parameters, in this order, before the
 * arguments: the kernels pass them, so one compiled method serves every session.
 */
public enum FunctionContext {
  /** {@code boolean}: {@code spark.sql.ansi.enabled}. */
  ANSI(boolean.class),
  /** {@code java.time.ZoneId}: {@code spark.sql.session.timeZone}. */
  SESSION_TIME_ZONE(java.time.ZoneId.class);

  private final Class<?> javaType;

  FunctionContext(Class<?> javaType) {
    this.javaType = javaType;
  }

  public Class<?> javaType() {
    return javaType;
  }
}
