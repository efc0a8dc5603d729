package dev.ember.sql.expressions;

import dev.ember.sql.Column;

/**
 * A user-defined function, as Spark's: made by {@code functions.udf(f, returnType)} or returned by
 * {@code spark.udf().register(...)}; {@link #apply} calls it on columns. Immutable: the {@code as...}
 * and {@code with...} methods return a changed copy.
 */
public abstract class UserDefinedFunction {
  /** Spark's constructor is not public either: instances come from {@code functions.udf} and {@code UDFRegistration}. */
  protected UserDefinedFunction() {}

  /** A column calling this function on {@code exprs}, named {@code UDF(x)}, or {@code name(x)} once named. */
  public abstract Column apply(Column... exprs);

  /** The same function, marked as giving different results for the same input (never deduplicated or moved). */
  public abstract UserDefinedFunction asNondeterministic();

  /** The same function, declared never to return null: its column is not nullable. */
  public abstract UserDefinedFunction asNonNullable();

  /** The same function under a name, used in column names and errors. */
  public abstract UserDefinedFunction withName(String name);

  public abstract boolean nullable();

  public abstract boolean deterministic();
}
