package dev.ember.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of no arguments, as Spark's {@code org.apache.spark.sql.api.java.UDF0}.
 * Arguments arrive boxed, a SQL null as {@code null}; register it with
 * {@code spark.udf().register(name, f, returnType)} or wrap it with {@code functions.udf(f, returnType)}.
 */
@FunctionalInterface
public interface UDF0<R> extends Serializable {
  R call() throws Exception;
}
