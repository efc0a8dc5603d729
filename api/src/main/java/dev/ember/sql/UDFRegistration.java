package dev.ember.sql;

import dev.ember.sql.api.java.UDF0;
import dev.ember.sql.api.java.UDF1;
import dev.ember.sql.api.java.UDF2;
import dev.ember.sql.api.java.UDF3;
import dev.ember.sql.api.java.UDF4;
import dev.ember.sql.api.java.UDF5;
import dev.ember.sql.api.java.UDF6;
import dev.ember.sql.api.java.UDF7;
import dev.ember.sql.api.java.UDF8;
import dev.ember.sql.api.java.UDF9;
import dev.ember.sql.api.java.UDF10;
import dev.ember.sql.expressions.UserDefinedFunction;
import dev.ember.sql.types.DataType;
import java.util.Objects;

/**
 * Registers user-defined functions by name for one session, as Spark's {@code spark.udf()}: the name
 * is then callable from {@code call_function}, {@code callUDF} and SQL expression text
 * ({@code selectExpr("plusOne(x)")}); a later registration of the same name replaces it. Names are
 * matched case-insensitively; the column name keeps the registered spelling.
 */
public final class UDFRegistration {
  private final SparkSession session;

  UDFRegistration(SparkSession session) {
    this.session = Objects.requireNonNull(session, "session is null");
  }

  /** Registers {@code udf} under {@code name}; returns it, named so. */
  public UserDefinedFunction register(String name, UserDefinedFunction udf) {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(udf, "udf is null");
    if (!(udf instanceof JavaUserDefinedFunction javaFunction)) {
      throw new IllegalArgumentException("UDFRegistration takes functions made by functions.udf, not "
          + udf.getClass().getName());
    }
    session.registerFunction(name, javaFunction.builder(name));
    return javaFunction.withName(name);
  }

  public void register(String name, UDF0<?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF0.class, returnType));
  }

  public void register(String name, UDF1<?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF1.class, returnType));
  }

  public void register(String name, UDF2<?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF2.class, returnType));
  }

  public void register(String name, UDF3<?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF3.class, returnType));
  }

  public void register(String name, UDF4<?, ?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF4.class, returnType));
  }

  public void register(String name, UDF5<?, ?, ?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF5.class, returnType));
  }

  public void register(String name, UDF6<?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF6.class, returnType));
  }

  public void register(String name, UDF7<?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF7.class, returnType));
  }

  public void register(String name, UDF8<?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF8.class, returnType));
  }

  public void register(String name, UDF9<?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF9.class, returnType));
  }

  public void register(String name, UDF10<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
    register(name, JavaUserDefinedFunction.of(f, UDF10.class, returnType));
  }
}
