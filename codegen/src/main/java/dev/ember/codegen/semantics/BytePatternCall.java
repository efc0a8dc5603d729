package dev.ember.codegen.semantics;

import dev.ember.SparkException;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.planner.functions.StringFunctionDefinitions;
import dev.ember.runtime.functions.LikeMatcher;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StringType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A call both kernels may evaluate on the bytes of its first argument with a {@link LikeMatcher}
 * compiled once, instead of calling the implementation with a decoded String per row: LIKE with a
 * literal pattern (and escape), and startswith, endswith and contains with a literal second argument
 * of the first argument's type. The result is the matcher's answer, or null where the value is null,
 * as the implementation gives.
 *
 * @param value the expression whose bytes are matched
 * @param matcher the compiled literal
 */
public record BytePatternCall(Expression value, LikeMatcher matcher) {
  /**
   * Set to false to keep the generic calls (decoded Strings, regular expressions), for measuring
   * what matching bytes gains; read when a kernel is built.
   */
  public static final String ENABLED_PROPERTY = "ember.codegen.likeBytes";

  public BytePatternCall {
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(matcher, "matcher is null");
  }

  /**
   * The call as a byte pattern, or null when it is another call, its pattern is not a non-null
   * literal, or the pattern is invalid: then the implementation runs and reports the error on the
   * first row that reaches it, as it does without this shortcut (an empty input reports nothing).
   */
  public static BytePatternCall of(ScalarFunctionCall call) {
    Objects.requireNonNull(call, "call is null");
    ScalarFunction function = call.function();
    List<Expression> arguments = call.arguments();
    if (function.instance() != null || arguments.size() < 2
        || !Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
      return null;
    }
    Expression value = arguments.get(0);
    if (function == StringFunctionDefinitions.LIKE || function == StringFunctionDefinitions.LIKE_ESCAPE) {
      String pattern = text(arguments.get(1));
      String escape = function == StringFunctionDefinitions.LIKE ? "\\" : text(arguments.get(2));
      if (!(value.dataType() instanceof StringType) || pattern == null || escape == null) {
        return null;
      }
      try {
        return new BytePatternCall(value, LikeMatcher.like(pattern, escape));
      } catch (SparkException invalidPattern) {
        return null;
      }
    }
    if (function != StringFunctionDefinitions.STARTSWITH && function != StringFunctionDefinitions.ENDSWITH
        && function != StringFunctionDefinitions.CONTAINS) {
      return null;
    }
    DataType type = value.dataType();
    if (!(type instanceof StringType || type instanceof BinaryType) || !type.equals(arguments.get(1).dataType())
        || !(arguments.get(1) instanceof Literal literal) || literal.value() == null) {
      return null;
    }
    byte[] bytes = literal.value() instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
        : (byte[]) literal.value();
    LikeMatcher matcher = function == StringFunctionDefinitions.STARTSWITH ? LikeMatcher.startsWith(bytes)
        : function == StringFunctionDefinitions.ENDSWITH ? LikeMatcher.endsWith(bytes) : LikeMatcher.contains(bytes);
    return new BytePatternCall(value, matcher);
  }

  /** The text of a non-null string literal, else null. */
  private static String text(Expression expression) {
    return expression instanceof Literal literal && literal.value() instanceof String text
        && literal.dataType() instanceof StringType ? text : null;
  }
}
