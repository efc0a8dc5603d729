package dev.ember.sql;

import dev.ember.planner.analysis.UserFunctionBuilder;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.planner.functions.UserFunctionDefinitions;
import dev.ember.sql.expressions.UserDefinedFunction;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Java UDF ({@code UDF0}..{@code UDF10}) with its result type, name and flags. Each call builds the
 * function's definition; its arguments resolve with the Dataset the column is used in.
 */
final class JavaUserDefinedFunction extends UserDefinedFunction {
  private final Object function;
  private final Class<?> interfaceType;
  private final int argumentCount;
  private final DataType returnType;
  private final String name;
  private final boolean nullable;
  private final boolean deterministic;

  JavaUserDefinedFunction(Object function, Class<?> interfaceType, int argumentCount, DataType returnType,
      String name, boolean nullable, boolean deterministic) {
    this.function = Objects.requireNonNull(function, "function is null");
    this.interfaceType = Objects.requireNonNull(interfaceType, "interfaceType is null");
    this.argumentCount = argumentCount;
    this.returnType = Objects.requireNonNull(returnType, "returnType is null");
    this.name = name;
    this.nullable = nullable;
    this.deterministic = deterministic;
  }

  /** A Spark UDF interface's number of arguments is the digit in its name. */
  static JavaUserDefinedFunction of(Object function, Class<?> interfaceType, DataType returnType) {
    int count = Integer.parseInt(interfaceType.getSimpleName().substring("UDF".length()));
    return new JavaUserDefinedFunction(function, interfaceType, count, returnType, null, true, true);
  }

  /** How the analyzer builds calls of this function registered under {@code registeredName}. */
  UserFunctionBuilder builder(String registeredName) {
    return new UserFunctionBuilder(withName(registeredName).definition());
  }

  private ScalarFunction definition() {
    return UserFunctionDefinitions.define(name, function, interfaceType, argumentCount, returnType, nullable,
        deterministic);
  }

  @Override
  public Column apply(Column... exprs) {
    List<Expression> arguments = new ArrayList<>();
    for (Column column : exprs) {
      arguments.add(Objects.requireNonNull(column, "column is null").expr());
    }
    ScalarFunction definition = definition();
    return new Column(new UserFunctionBuilder(definition).build(definition.name(), arguments, false));
  }

  @Override
  public JavaUserDefinedFunction asNondeterministic() {
    return new JavaUserDefinedFunction(function, interfaceType, argumentCount, returnType, name, nullable, false);
  }

  @Override
  public JavaUserDefinedFunction asNonNullable() {
    return new JavaUserDefinedFunction(function, interfaceType, argumentCount, returnType, name, false, deterministic);
  }

  @Override
  public JavaUserDefinedFunction withName(String newName) {
    return new JavaUserDefinedFunction(function, interfaceType, argumentCount, returnType,
        Objects.requireNonNull(newName, "newName is null"), nullable, deterministic);
  }

  @Override
  public boolean nullable() {
    return nullable;
  }

  @Override
  public boolean deterministic() {
    return deterministic;
  }
}
