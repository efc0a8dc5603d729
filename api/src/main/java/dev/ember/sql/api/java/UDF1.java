package dev.ember.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of one argument, as Spark's {@code org.apache.spark.sql.api.java.UDF1}.
 * Arguments arrive boxed, a SQL null as {@code null}; register it with
 * {@code spark.udf().register(name, f, returnType)} or wrap it with {@code functions.udf(f, returnType)}.
 */
@FunctionalInterface
public interface UDF1<T1, R> extends Serializable {
  R call(T1 t1) throws Exception;
}
