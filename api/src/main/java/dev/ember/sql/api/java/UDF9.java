package dev.ember.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of 9 arguments, as Spark's {@code org.apache.spark.sql.api.java.UDF9}.
 * Arguments arrive boxed, a SQL null as {@code null}; register it with
 * {@code spark.udf().register(name, f, returnType)} or wrap it with {@code functions.udf(f, returnType)}.
 */
@FunctionalInterface
public interface UDF9<T1, T2, T3, T4, T5, T6, T7, T8, T9, R> extends Serializable {
  R call(T1 t1, T2 t2, T3 t3, T4 t4, T5 t5, T6 t6, T7 t7, T8 t8, T9 t9) throws Exception;
}
