package dev.ember.codegen.generated;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.In;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.TryEval;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes the Java statements that evaluate one bound expression for the current {@code row}, Spark's
 * way: a null flag and a value per node, children evaluated only when the result still depends on
 * them (a null left operand skips the right one, {@code false AND x} skips {@code x}), ANSI errors
 * raised through {@link GeneratedRuntime}. Throws {@code KernelCompilationException} for expressions
 * and types it does not handle, so the pipeline falls back to the interpreted kernels.
 */
final class ExpressionGenerator {
  private static final String RUNTIME = "GeneratedRuntime";
  // Spark's rules live in the shared semantics classes, so generated and interpreted kernels agree.
  private static final String ARITHMETIC = "ArithmeticOps";
  private static final String COMPARISON = "ComparisonOps";
  private static final String CASTS = "CastOps";
  private static final String DATE_TIME_CASTS = "dev.ember.codegen.semantics.DateTimeCastOps";
  private static final String DECIMALS = "DecimalOps";

  private final ClassBuilder builder;
  /** The session's ANSI setting, except while the operation of a {@link TryEval} is generated. */
  private boolean ansi;
  private final java.time.ZoneId sessionTimeZone;
  private final FunctionCallGenerator functionCalls;
  private final ConditionalGenerator conditionals;

  ExpressionGenerator(ClassBuilder builder, KernelOptions options) {
    this.builder = builder;
    this.ansi = options.ansiEnabled();
    this.sessionTimeZone = options.sessionTimeZone();
    this.functionCalls = new FunctionCallGenerator(this, builder, options);
    this.conditionals = new ConditionalGenerator(this);
  }

  ExprValue generate(Expression expression, ColumnReader columns, MethodScope scope) {
    if (expression instanceof BoundReference reference) {
      return columns.read(reference.ordinal(), scope);
    } else if (expression instanceof Literal literal) {
      return literal(literal);
    } else if (expression instanceof BinaryArithmetic arithmetic) {
      return arithmetic(arithmetic, columns, scope);
    } else if (expression instanceof UnaryMinus minus) {
      return unaryMinus(minus, columns, scope);
    } else if (expression instanceof Comparison comparison) {
      return comparison.operator() == ComparisonOperator.NULL_SAFE_EQUAL
          ? nullSafeEqual(comparison, columns, scope)
          : comparison(comparison, columns, scope);
    } else if (expression instanceof And and) {
      return logical(true, and.left(), and.right(), columns, scope);
    } else if (expression instanceof Or or) {
      return logical(false, or.left(), or.right(), columns, scope);
    } else if (expression instanceof Not not) {
      ExprValue child = generate(not.child(), columns, scope);
      String name = scope.fresh("not");
      scope.code().line("boolean " + name + " = !" + child.value() + ";");
      return ExprValue.of(expression.dataType(), child.isNull(), name);
    } else if (expression instanceof IsNull isNull) {
      ExprValue child = generate(isNull.child(), columns, scope);
      return ExprValue.of(expression.dataType(), "false", child.isNull());
    } else if (expression instanceof IsNotNull isNotNull) {
      ExprValue child = generate(isNotNull.child(), columns, scope);
      return ExprValue.of(expression.dataType(), "false", "(!" + child.isNull() + ")");
    } else if (expression instanceof Cast cast) {
      return cast(cast, columns, scope);
    } else if (expression instanceof ScalarFunctionCall call) {
      return functionCalls.generate(call, columns, scope);
    } else if (expression instanceof ReplacedCall replaced) {
      return generate(replaced.replacement(), columns, scope);
    } else if (expression instanceof TryEval tryEval) {
      return tryEval(tryEval, columns, scope);
    } else if (expression instanceof If conditional) {
      return conditionals.ifThenElse(conditional, columns, scope);
    } else if (expression instanceof CaseWhen caseWhen) {
      return conditionals.caseWhen(caseWhen, columns, scope);
    } else if (expression instanceof Coalesce coalesce) {
      return conditionals.coalesce(coalesce, columns, scope);
    } else if (expression instanceof In in) {
      return conditionals.in(in, columns, scope);
    } else if (expression instanceof GreatestLeast extremum) {
      return conditionals.greatestLeast(extremum, columns, scope);
    }
    throw Unsupported.expression(expression, "no code generator for this kind of expression");
  }

  // ---------------------------------------------------------------------------------------------
  // Literals: numbers inline; byte strings and wide decimals as final fields set from references.

  ExprValue literal(Literal literal) {
    DataType type = literal.dataType();
    if (literal.isNull()) {
      if (JavaTypes.isBytes(type)) {
        return ExprValue.bytes(type, "true", "0L", "0");
      }
      return ExprValue.of(type, "true", JavaTypes.defaultValue(type));
    }
    Object value = literal.value();
    if (type instanceof StringType) {
      String field = builder.addReference("literal", "byte[]",
          ((String) value).getBytes(StandardCharsets.UTF_8), "string literal " + quote((String) value));
      return ExprValue.bytesLiteral(type, field);
    } else if (JavaTypes.isBytes(type)) {
      String field = builder.addReference("literal", "byte[]", ((byte[]) value).clone(), "binary literal");
      return ExprValue.bytesLiteral(type, field);
    } else if (type instanceof DecimalType decimal) {
      BigDecimal exact = ((BigDecimal) value).setScale(decimal.scale());
      if (JavaTypes.isCompactDecimal(type)) {
        return ExprValue.of(type, "false", longLiteral(exact.unscaledValue().longValueExact()));
      }
      String field = builder.addReference("literal", "java.math.BigDecimal", exact, "decimal literal " + exact);
      return ExprValue.of(type, "false", field);
    }
    return ExprValue.of(type, "false", primitiveLiteral(value, type));
  }

  private static String primitiveLiteral(Object value, DataType type) {
    if (type instanceof BooleanType) {
      return value.toString();
    } else if (type instanceof ByteType) {
      return "((byte) " + parenthesizedNegative(value.toString()) + ")";
    } else if (type instanceof ShortType) {
      return "((short) " + parenthesizedNegative(value.toString()) + ")";
    } else if (type instanceof IntegerType || type instanceof DateType || type instanceof YearMonthIntervalType) {
      int v = (Integer) value;
      return v == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : parenthesizedNegative(Integer.toString(v));
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof DayTimeIntervalType) {
      return longLiteral((Long) value);
    } else if (type instanceof FloatType) {
      float v = (Float) value;
      if (Float.isNaN(v)) {
        return "Float.NaN";
      } else if (Float.isInfinite(v)) {
        return v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
      }
      return parenthesizedNegative(Float.toString(v) + "F");
    } else if (type instanceof DoubleType) {
      double v = (Double) value;
      if (Double.isNaN(v)) {
        return "Double.NaN";
      } else if (Double.isInfinite(v)) {
        return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return parenthesizedNegative(Double.toString(v) + "D");
    }
    throw Unsupported.type(type);
  }

  private static String longLiteral(long value) {
    return value == Long.MIN_VALUE ? "Long.MIN_VALUE" : parenthesizedNegative(value + "L");
  }

  private static String parenthesizedNegative(String text) {
    return text.startsWith("-") ? "(" + text + ")" : text;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\\\"") + "\"";
  }

  // ---------------------------------------------------------------------------------------------
  // Arithmetic.

  private ExprValue arithmetic(BinaryArithmetic expression, ColumnReader columns, MethodScope scope) {
    DataType type = expression.dataType();
    ArithmeticOperator operator = expression.operator();
    if (type instanceof DecimalType decimal) {
      return decimalArithmetic(expression, decimal, columns, scope);
    }
    if (!JavaTypes.isIntegral(type) && !JavaTypes.isFractional(type)) {
      throw Unsupported.type(type);
    }
    if (!expression.left().dataType().equals(type) || !expression.right().dataType().equals(type)) {
      throw Unsupported.expression(expression, "operands of different types");
    }
    if (operator == ArithmeticOperator.DIVIDE && JavaTypes.isIntegral(type)) {
      throw Unsupported.expression(expression, "integral division");
    }
    boolean divides = operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.REMAINDER;
    boolean zeroGivesNull = divides && !ansi;

    CodeBuilder code = scope.code();
    ExprValue left = generate(expression.left(), columns, scope);
    String name = scope.fresh(operator.name().toLowerCase(java.util.Locale.ROOT));
    String javaType = JavaTypes.javaType(type);
    if (left.alwaysNull()) {
      return ExprValue.of(type, "true", JavaTypes.defaultValue(type));
    }
    code.line("boolean " + name + "Null = true;");
    code.line(javaType + " " + name + " = " + JavaTypes.defaultValue(type) + ";");
    int blocks = 0;
    if (!left.neverNull()) {
      code.open("if (!" + left.isNull() + ") {");
      blocks++;
    }
    ExprValue right = generate(expression.right(), columns, scope);
    if (!right.neverNull()) {
      code.open("if (!" + right.isNull() + ") {");
      blocks++;
    }
    String l = left.value();
    String r = right.value();
    if (divides) {
      if (zeroGivesNull) {
        code.open("if (" + r + " != 0) {");
        blocks++;
      } else {
        code.line(ARITHMETIC + (operator == ArithmeticOperator.DIVIDE ? ".checkDivisor(" : ".checkRemainderDivisor(")
            + r + ");");
      }
    }
    code.line(name + "Null = false;");
    code.line(name + " = " + arithmeticValue(operator, type, javaType, l, r) + ";");
    for (int i = 0; i < blocks; i++) {
      code.close();
    }
    return ExprValue.of(type, name + "Null", name);
  }

  private String arithmeticValue(ArithmeticOperator operator, DataType type, String javaType, String l, String r) {
    String symbol = operator.symbol();
    boolean narrow = type instanceof ByteType || type instanceof ShortType;
    if (JavaTypes.isIntegral(type) && ansi && operator != ArithmeticOperator.REMAINDER) {
      String method = switch (operator) {
        case ADD -> "addExact";
        case SUBTRACT -> "subtractExact";
        default -> "multiplyExact";
      };
      return ARITHMETIC + "." + method + "(" + l + ", " + r + ")";
    }
    String plain = "(" + l + " " + symbol + " " + r + ")";
    return narrow ? "(" + javaType + ") " + plain : plain;
  }

  /**
   * Decimal arithmetic. Compact operands whose exact sum, difference or product fits the compact
   * result type are computed in longs (Spark's result types leave room for the carry, so these never
   * overflow or round); so is the product of compact operands into a wider type with room for all
   * their digits (as a 128-bit product). Everything else goes through DecimalOps with BigDecimal.
   */
  private ExprValue decimalArithmetic(BinaryArithmetic expression, DecimalType type, ColumnReader columns,
      MethodScope scope) {
    if (!(expression.left().dataType() instanceof DecimalType leftType)
        || !(expression.right().dataType() instanceof DecimalType rightType)) {
      throw Unsupported.expression(expression, "decimal arithmetic with a non-decimal operand");
    }
    ArithmeticOperator operator = expression.operator();
    CodeBuilder code = scope.code();
    ExprValue left = generate(expression.left(), columns, scope);
    String name = scope.fresh(operator.name().toLowerCase(java.util.Locale.ROOT));
    String javaType = JavaTypes.javaType(type);
    if (left.alwaysNull()) {
      return ExprValue.of(type, "true", JavaTypes.defaultValue(type));
    }
    code.line("boolean " + name + "Null = true;");
    code.line(javaType + " " + name + " = " + JavaTypes.defaultValue(type) + ";");
    int scale = type.scale();
    boolean exactProduct = operator == ArithmeticOperator.MULTIPLY && scale == leftType.scale() + rightType.scale();
    boolean wideProduct = exactProduct && JavaTypes.isWideDecimal(type);
    if (wideProduct) {
      code.line("long " + name + "Low = 0L;");
      code.line("long " + name + "High = 0L;");
    }
    int blocks = 0;
    if (!left.neverNull()) {
      code.open("if (!" + left.isNull() + ") {");
      blocks++;
    }
    ExprValue right = generate(expression.right(), columns, scope);
    if (!right.neverNull()) {
      code.open("if (!" + right.isNull() + ") {");
      blocks++;
    }
    boolean compact = JavaTypes.isCompactDecimal(leftType) && JavaTypes.isCompactDecimal(rightType)
        && JavaTypes.isCompactDecimal(type);
    boolean exactSum = (operator == ArithmeticOperator.ADD || operator == ArithmeticOperator.SUBTRACT)
        && scale == Math.max(leftType.scale(), rightType.scale());
    boolean int128Result = false;
    if (compact && (exactSum || exactProduct)) {
      String l = rescaled(left.value(), scale - (exactSum ? leftType.scale() : scale));
      String r = rescaled(right.value(), scale - (exactSum ? rightType.scale() : scale));
      code.line(name + "Null = false;");
      code.line(name + " = " + l + " " + operator.symbol() + " " + r + ";");
    } else if (wideProduct && JavaTypes.isCompactDecimal(leftType) && JavaTypes.isCompactDecimal(rightType)
        && type.precision() >= leftType.precision() + rightType.precision()) {
      // The product of a p1-digit and a p2-digit value has at most p1 + p2 digits: it fits the
      // result type as it is, so its 128-bit value is all there is to compute.
      code.line(name + "Null = false;");
      code.line(name + "Low = " + left.value() + " * " + right.value() + ";");
      code.line(name + "High = Math.multiplyHigh(" + left.value() + ", " + right.value() + ");");
      int128Result = true;
    } else if (wideProduct && int128TimesLong(left, right, type)) {
      wordsTimesLong(left, right, type, name, code);
      int128Result = true;
    } else if (wideProduct && int128TimesLong(right, left, type)) {
      wordsTimesLong(right, left, type, name, code);
      int128Result = true;
    } else {
      String method = switch (operator) {
        case ADD -> "add";
        case SUBTRACT -> "subtract";
        case MULTIPLY -> "multiply";
        case DIVIDE -> "divide";
        case REMAINDER -> "remainder";
      };
      // A product at the operands' combined scale cannot round; GeneratedRuntime multiplies values
      // that fit a long without BigDecimal and leaves the rest to DecimalOps.
      String helper = exactProduct && !JavaTypes.isCompactDecimal(type)
          ? RUNTIME + ".decimalProduct"
          : DECIMALS + "." + method;
      String exact = name + "Exact";
      code.line("java.math.BigDecimal " + exact + " = " + helper + "(" + bigDecimal(left) + ", "
          + bigDecimal(right) + ", " + type.precision() + ", " + scale + ", " + ansi + ");");
      code.open("if (" + exact + " != null) {");
      code.line(name + "Null = false;");
      code.line(name + " = " + fromBigDecimal(exact, type) + ";");
      code.close();
    }
    for (int i = 0; i < blocks; i++) {
      code.close();
    }
    return int128Result ? ExprValue.int128(type, name + "Null", name + "Low", name + "High")
        : ExprValue.of(type, name + "Null", name);
  }

  /**
   * Whether {@code words * factor} can take the 128-bit path: {@code words} is held as two words,
   * {@code factor} fits a long, and a product of two long-sized values cannot exceed the result's
   * digits (any product of two longs is below 2^126 < 10^38, or the operand types bound it).
   */
  private static boolean int128TimesLong(ExprValue words, ExprValue factor, DecimalType type) {
    return words.isInt128() && JavaTypes.isCompactDecimal(factor.type())
        && (type.precision() == DecimalType.MAX_PRECISION
            || type.precision() >= ((DecimalType) words.type()).precision() + ((DecimalType) factor.type()).precision());
  }

  /**
   * {@code name = words * factor} at the sum of their scales: when {@code words} fits a long (nearly
   * always), one 64 x 64 -> 128-bit multiplication; otherwise BigDecimal with its precision check,
   * which yields null or throws as the generic product would.
   */
  private void wordsTimesLong(ExprValue words, ExprValue factor, DecimalType type, String name, CodeBuilder code) {
    code.open("if (" + words.high() + " == (" + words.low() + " >> 63)) {");
    code.line(name + "Null = false;");
    code.line(name + "Low = " + words.low() + " * " + factor.value() + ";");
    code.line(name + "High = Math.multiplyHigh(" + words.low() + ", " + factor.value() + ");");
    code.orElse();
    String exact = name + "Exact";
    code.line("java.math.BigDecimal " + exact + " = " + DECIMALS + ".multiply(" + bigDecimal(words) + ", "
        + bigDecimal(factor) + ", " + type.precision() + ", " + type.scale() + ", " + ansi + ");");
    code.open("if (" + exact + " != null) {");
    code.line(name + "Null = false;");
    code.line(name + "Low = " + RUNTIME + ".decimalLow(" + exact + ");");
    code.line(name + "High = " + RUNTIME + ".decimalHigh(" + exact + ");");
    code.close();
    code.close();
  }

  private static String rescaled(String unscaled, int digits) {
    return digits == 0 ? unscaled : "(" + unscaled + " * " + java.math.BigInteger.TEN.pow(digits) + "L)";
  }

  /** A BigDecimal already at the type's scale as the type's Java value. */
  private static String fromBigDecimal(String value, DecimalType type) {
    return JavaTypes.isCompactDecimal(type) ? value + ".unscaledValue().longValue()" : value;
  }

  private ExprValue unaryMinus(UnaryMinus expression, ColumnReader columns, MethodScope scope) {
    DataType type = expression.dataType();
    ExprValue child = generate(expression.child(), columns, scope);
    String name = scope.fresh("negate");
    String javaType = JavaTypes.javaType(type);
    String value;
    if (JavaTypes.isIntegral(type)) {
      value = ansi ? ARITHMETIC + ".negateExact(" + child.value() + ")"
          : "(" + javaType + ") -" + child.value();
    } else if (JavaTypes.isFractional(type) || JavaTypes.isCompactDecimal(type)) {
      value = "-" + child.value();
    } else if (JavaTypes.isWideDecimal(type)) {
      value = child.value() + ".negate()";
    } else {
      throw Unsupported.type(type);
    }
    scope.code().line(javaType + " " + name + " = " + JavaTypes.defaultValue(type) + ";");
    if (child.neverNull()) {
      scope.code().line(name + " = " + value + ";");
    } else {
      scope.code().open("if (!" + child.isNull() + ") {").line(name + " = " + value + ";").close();
    }
    return ExprValue.of(type, child.isNull(), name);
  }

  // ---------------------------------------------------------------------------------------------
  // Comparisons.

  private ExprValue comparison(Comparison expression, ColumnReader columns, MethodScope scope) {
    checkComparable(expression);
    CodeBuilder code = scope.code();
    ExprValue left = generate(expression.left(), columns, scope);
    String name = scope.fresh(camel(expression.operator().name()));
    if (left.alwaysNull()) {
      return ExprValue.of(expression.dataType(), "true", "false");
    }
    code.line("boolean " + name + "Null = true;");
    code.line("boolean " + name + " = false;");
    int blocks = 0;
    if (!left.neverNull()) {
      code.open("if (!" + left.isNull() + ") {");
      blocks++;
    }
    ExprValue right = generate(expression.right(), columns, scope);
    if (!right.neverNull()) {
      code.open("if (!" + right.isNull() + ") {");
      blocks++;
    }
    code.line(name + "Null = false;");
    code.line(name + " = " + compare(expression.operator(), left, right) + ";");
    for (int i = 0; i < blocks; i++) {
      code.close();
    }
    return ExprValue.of(expression.dataType(), name + "Null", name);
  }

  private ExprValue nullSafeEqual(Comparison expression, ColumnReader columns, MethodScope scope) {
    checkComparable(expression);
    CodeBuilder code = scope.code();
    ExprValue left = generate(expression.left(), columns, scope);
    ExprValue right = generate(expression.right(), columns, scope);
    String name = scope.fresh("nullSafeEqual");
    String equal = compare(ComparisonOperator.EQUAL_TO, left, right);
    if (left.neverNull() && right.neverNull()) {
      code.line("boolean " + name + " = " + equal + ";");
    } else {
      code.line("boolean " + name + ";");
      code.open("if (" + left.isNull() + " || " + right.isNull() + ") {")
          .line(name + " = " + left.isNull() + " && " + right.isNull() + ";")
          .orElse()
          .line(name + " = " + equal + ";")
          .close();
    }
    return ExprValue.of(expression.dataType(), "false", name);
  }

  private static void checkComparable(Comparison expression) {
    DataType left = expression.left().dataType();
    DataType right = expression.right().dataType();
    boolean bothDecimal = left instanceof DecimalType && right instanceof DecimalType;
    // Intervals of one family hold the same unit (months or microseconds) whatever their fields.
    boolean sameIntervalFamily = left instanceof DayTimeIntervalType && right instanceof DayTimeIntervalType
        || left instanceof YearMonthIntervalType && right instanceof YearMonthIntervalType;
    if (!left.equals(right) && !bothDecimal && !sameIntervalFamily) {
      throw Unsupported.expression(expression, "operands of different types");
    }
    if (JavaTypes.isNested(left)) {
      throw Unsupported.expression(expression, "comparison of " + left.simpleString() + " values");
    }
    if (!JavaTypes.isBytes(left)) {
      JavaTypes.javaType(left);
    }
  }

  /** A boolean Java expression for {@code left op right}, both known non-null. */
  static String compare(ComparisonOperator operator, ExprValue left, ExprValue right) {
    DataType type = left.type();
    if (JavaTypes.isNested(type)) {
      // Arrays, maps and structs order element by element, which neither kernel does yet.
      throw Unsupported.type(type);
    }
    boolean equality = operator == ComparisonOperator.EQUAL_TO || operator == ComparisonOperator.NULL_SAFE_EQUAL;
    String symbol = equality ? "==" : operator.symbol();
    if (JavaTypes.isBytes(type)) {
      return equality
          ? RUNTIME + ".equalBytes(" + left.bytesArguments() + ", " + right.bytesArguments() + ")"
          : (left.isByteArray() && !right.isByteArray() ? RUNTIME : COMPARISON) + ".compareBytes("
              + left.bytesArguments() + ", " + right.bytesArguments() + ") " + symbol + " 0";
    } else if (type instanceof BooleanType) {
      return equality
          ? "(" + left.value() + " == " + right.value() + ")"
          : COMPARISON + ".compare(" + left.value() + ", " + right.value() + ") " + symbol + " 0";
    } else if (JavaTypes.isFractional(type)) {
      return equality
          ? COMPARISON + ".equalDoubles(" + left.value() + ", " + right.value() + ")"
          : COMPARISON + ".compare(" + left.value() + ", " + right.value() + ") " + symbol + " 0";
    } else if (type instanceof DecimalType) {
      DecimalType leftType = (DecimalType) type;
      DecimalType rightType = (DecimalType) right.type();
      if (JavaTypes.isCompactDecimal(leftType) && JavaTypes.isCompactDecimal(rightType)
          && leftType.scale() == rightType.scale()) {
        return "(" + left.value() + " " + symbol + " " + right.value() + ")";
      }
      return COMPARISON + ".compare(" + bigDecimal(left) + ", " + bigDecimal(right) + ") " + symbol + " 0";
    }
    return "(" + left.value() + " " + symbol + " " + right.value() + ")";
  }

  static String bigDecimal(ExprValue value) {
    DecimalType type = (DecimalType) value.type();
    return JavaTypes.isCompactDecimal(type)
        ? "java.math.BigDecimal.valueOf(" + value.value() + ", " + type.scale() + ")"
        : value.value();
  }

  private static String camel(String enumName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : enumName.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Three-valued AND / OR, short-circuiting like Spark: the right side runs only when it decides.

  private ExprValue logical(boolean isAnd, Expression leftExpression, Expression rightExpression,
      ColumnReader columns, MethodScope scope) {
    CodeBuilder code = scope.code();
    ExprValue left = generate(leftExpression, columns, scope);
    String name = scope.fresh(isAnd ? "and" : "or");
    // AND is decided by a non-null false, OR by a non-null true.
    String decisive = isAnd ? "false" : "true";
    code.line("boolean " + name + "Null = false;");
    code.line("boolean " + name + " = " + decisive + ";");
    String leftUndecided = left.neverNull()
        ? (isAnd ? left.value() : "!" + left.value())
        : left.isNull() + " || " + (isAnd ? left.value() : "!" + left.value());
    code.open("if (" + leftUndecided + ") {");
    ExprValue right = generate(rightExpression, columns, scope);
    String rightDecides = right.neverNull()
        ? (isAnd ? "!" + right.value() : right.value())
        : "!" + right.isNull() + " && " + (isAnd ? "!" + right.value() : right.value());
    code.open("if (" + rightDecides + ") {").line(name + " = " + decisive + ";").orElse();
    // Neither side decided: null if either side is null, else the non-decisive value.
    String eitherNull = or(left.isNull(), right.isNull());
    if ("false".equals(eitherNull)) {
      code.line(name + " = " + isAnd + ";");
    } else {
      code.line(name + "Null = " + eitherNull + ";");
      code.line(name + " = " + (isAnd ? "!" + name + "Null" : "false") + ";");
    }
    code.close();
    code.close();
    return ExprValue.of(DataTypes.BooleanType, name + "Null", name);
  }

  private static String or(String a, String b) {
    if ("false".equals(a)) {
      return b;
    } else if ("false".equals(b)) {
      return a;
    }
    return a + " || " + b;
  }

  // ---------------------------------------------------------------------------------------------
  // Casts between numeric types, booleans and numbers, strings to numbers, dates and timestamps, and
  // (TimestampCastGenerator) numbers to and from timestamps.

  private ExprValue cast(Cast expression, ColumnReader columns, MethodScope scope) {
    ExprValue child = generate(expression.child(), columns, scope);
    if (expression.nullOnError() && !expression.child().dataType().equals(expression.dataType())
        && !(expression.dataType() instanceof StringType) && !(expression.dataType() instanceof BinaryType)) {
      return tryCast(expression, child, scope);
    }
    return cast(expression, child, expression.ansi() && ansi, scope);
  }

  /**
   * {@link TryEval}: the operation's inputs first, outside any try block (their errors are raised),
   * then the operation with ANSI semantics over those values inside one, whose catch makes the row null.
   * Inputs reach the operation as references to negative ordinals that read the values already made.
   */
  private ExprValue tryEval(TryEval expression, ColumnReader columns, MethodScope scope) {
    Expression operation = expression.operation();
    DataType type = operation.dataType();
    boolean fixedWidth = type.isNumeric() || type instanceof BooleanType || isDateTime(type) || isInterval(type);
    if (!fixedWidth) {
      throw Unsupported.expression(expression, "try evaluation of a " + type.simpleString() + " result");
    }
    java.util.List<Expression> inputs = operation.children();
    java.util.List<ExprValue> inputValues = new java.util.ArrayList<>(inputs.size());
    java.util.List<Expression> references = new java.util.ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      inputValues.add(generate(inputs.get(i), columns, scope));
      references.add(new BoundReference(-1 - i, inputs.get(i).dataType(), inputs.get(i).nullable()));
    }
    ColumnReader withInputs = new ColumnReader() {
      @Override
      public ExprValue read(int ordinal, MethodScope readScope) {
        return ordinal < 0 ? inputValues.get(-1 - ordinal) : columns.read(ordinal, readScope);
      }

      @Override
      public ExprValue readSize(int ordinal, boolean sizeAnsi, MethodScope readScope) {
        return ordinal < 0 ? null : columns.readSize(ordinal, sizeAnsi, readScope);
      }

      @Override
      public ExprValue readStructField(int ordinal, int field, MethodScope readScope) {
        return ordinal < 0 ? null : columns.readStructField(ordinal, field, readScope);
      }
    };
    CodeBuilder code = scope.code();
    String name = scope.fresh("try");
    code.line("boolean " + name + "Null = true;");
    code.line(JavaTypes.javaType(type) + " " + name + " = " + JavaTypes.defaultValue(type) + ";");
    code.open("try {");
    boolean sessionAnsi = ansi;
    ansi = true;
    ExprValue value;
    try {
      value = generate(operation.withNewChildren(references), withInputs, scope);
    } finally {
      ansi = sessionAnsi;
    }
    code.line(name + "Null = " + value.isNull() + ";");
    code.open("if (!" + name + "Null) {").line(name + " = " + value.value() + ";").close();
    code.reopen("} catch (dev.ember.SparkException " + name + "Error) {")
        .line("dev.ember.codegen.semantics.TryErrors.raiseUnlessNull(" + name + "Error);")
        .line(name + "Null = true;").close();
    return ExprValue.of(type, name + "Null", name);
  }

  /**
   * {@code TRY_CAST}: the ANSI cast inside a try block whose catch makes the row null. Only rows whose
   * cast fails throw, so valid rows pay nothing; the child is evaluated before the block, as its own
   * errors must still be raised. Casts to string or binary cannot fail and are plain ANSI casts.
   */
  private ExprValue tryCast(Cast expression, ExprValue child, MethodScope scope) {
    DataType to = expression.dataType();
    CodeBuilder code = scope.code();
    String name = scope.fresh("tryCast");
    code.line("boolean " + name + "Null = true;");
    code.line(JavaTypes.javaType(to) + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
    code.open("try {");
    ExprValue cast = cast(expression, child, true, scope);
    code.line(name + "Null = " + cast.isNull() + ";");
    code.open("if (!" + name + "Null) {").line(name + " = " + cast.value() + ";").close();
    code.reopen("} catch (dev.ember.SparkException " + name + "Error) {").line(name + "Null = true;").close();
    return ExprValue.of(to, name + "Null", name);
  }

  private ExprValue cast(Cast expression, ExprValue child, boolean castAnsi, MethodScope scope) {
    DataType to = expression.dataType();
    DataType from = expression.child().dataType();
    if (from.equals(to)) {
      return child;
    }
    CodeBuilder code = scope.code();
    String name = scope.fresh("cast");
    if (isInterval(from) || isInterval(to)) {
      return intervalCast(from, to, child, name, code);
    }
    if (from instanceof BinaryType && to instanceof StringType || from instanceof StringType && to instanceof BinaryType) {
      // Spark keeps the bytes as they are both ways (no UTF-8 check): only the type changes. Bytes in
      // Arrow memory are copied, as a computed string or binary is a byte[] (a projection keeps it).
      if (child.isByteArray()) {
        return ExprValue.byteArray(to, child.isNull(), child.byteArray());
      }
      code.line("byte[] " + name + " = null;");
      String copy = name + " = " + RUNTIME + ".copyBytes(" + child.value() + ", " + child.length() + ");";
      if (child.neverNull()) {
        code.line(copy);
      } else {
        code.open("if (!" + child.isNull() + ") {").line(copy).close();
      }
      return ExprValue.byteArray(to, child.isNull(), name);
    }
    if (to instanceof StringType) {
      return castToString(expression, from, child, name, code);
    }
    if (isDateTime(from) && isDateTime(to)) {
      return dateTimeCast(from, to, child, name, code);
    }
    if (isDateTime(from) || isDateTime(to)) {
      ExprValue timestampCast = TimestampCastGenerator.generate(from, to, child, name, castAnsi, this::sessionZone, code);
      if (timestampCast == null) {
        throw Unsupported.expression(expression,
            "cast from " + from.simpleString() + " to " + to.simpleString() + " is interpreted");
      }
      return timestampCast;
    }
    if (to instanceof BinaryType && JavaTypes.isIntegral(from)) {
      code.line("byte[] " + name + " = null;");
      String bytes = name + " = " + CASTS + ".integralToBinary(" + child.value() + ", " + typeConstant(from) + ");";
      if (child.neverNull()) {
        code.line(bytes);
      } else {
        code.open("if (!" + child.isNull() + ") {").line(bytes).close();
      }
      return ExprValue.byteArray(to, child.isNull(), name);
    }
    String javaType = JavaTypes.javaType(to);
    String v = child.value();
    if (from instanceof StringType && (JavaTypes.isIntegral(to) || JavaTypes.isFractional(to))) {
      if (child.isByteArray()) {
        // A literal or computed string: through StringCastOps, which takes a java.lang.String.
        String text = RUNTIME + ".string(" + child.byteArray() + ")";
        String parse = JavaTypes.isIntegral(to) ? "StringCastOps.toIntegral(" + text + ", " + typeConstant(to) + ", "
            : to instanceof FloatType ? "StringCastOps.toFloat(" + text + ", " : "StringCastOps.toDouble(" + text + ", ";
        String boxedType = JavaTypes.isIntegral(to) ? "Long" : to instanceof FloatType ? "Float" : "Double";
        return CastCode.boxed(to, boxedType, parse + castAnsi + ")", "." + javaType + "Value()", child, name, code);
      }
      return stringToNumber(to, child, name, javaType, castAnsi, code);
    }
    if (from instanceof StringType && (to instanceof BooleanType || to instanceof DecimalType)) {
      String text = RUNTIME + ".string(" + child.bytesArguments() + ")";
      if (to instanceof DecimalType decimal) {
        String parse = "StringCastOps.toDecimal(" + text + ", " + decimal.precision() + ", " + decimal.scale() + ", "
            + castAnsi + ")";
        return CastCode.boxed(to, "java.math.BigDecimal", parse,
            JavaTypes.isCompactDecimal(decimal) ? ".unscaledValue().longValue()" : "", child, name, code);
      }
      return CastCode.boxed(to, "Boolean", "StringCastOps.toBoolean(" + text + ", " + castAnsi + ")",
          ".booleanValue()", child, name, code);
    }
    if (to instanceof DecimalType || from instanceof DecimalType) {
      return decimalCast(expression, from, to, child, name, castAnsi, code);
    }
    String value;
    if (JavaTypes.isIntegral(from) && JavaTypes.isIntegral(to)) {
      value = rank(to) >= rank(from) ? "(" + javaType + ") " + v
          : castAnsi ? "(" + javaType + ") " + CASTS + ".narrowIntegral(" + v + ", " + typeConstant(from) + ", "
              + typeConstant(to) + ", true)"
          : "(" + javaType + ") " + v;
    } else if (JavaTypes.isIntegral(from) && JavaTypes.isFractional(to)) {
      value = "(" + javaType + ") " + v;
    } else if (JavaTypes.isFractional(from) && JavaTypes.isIntegral(to)) {
      value = castAnsi
          ? "(" + javaType + ") " + CASTS + ".fractionalToIntegral(" + v + ", " + typeConstant(from) + ", "
              + typeConstant(to) + ", true)"
          : "(" + javaType + ") " + v;
    } else if (JavaTypes.isFractional(from) && JavaTypes.isFractional(to)) {
      // Spark gives Infinity for doubles beyond the float range, in ANSI mode too (checked on 4.2.0).
      value = "(" + javaType + ") " + v;
    } else if (from instanceof BooleanType && (JavaTypes.isIntegral(to) || JavaTypes.isFractional(to))) {
      value = "(" + javaType + ") (" + v + " ? 1 : 0)";
    } else if ((JavaTypes.isIntegral(from) || JavaTypes.isFractional(from)) && to instanceof BooleanType) {
      value = "(" + v + " != 0)";
    } else {
      throw Unsupported.expression(expression,
          "cast from " + from.simpleString() + " to " + to.simpleString() + " is interpreted");
    }
    code.line(javaType + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
    if (child.neverNull()) {
      code.line(name + " = " + value + ";");
    } else {
      code.open("if (!" + child.isNull() + ") {").line(name + " = " + value + ";").close();
    }
    return ExprValue.of(to, child.isNull(), name);
  }

  private static boolean isInterval(DataType type) {
    return type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType;
  }

  /**
   * Casts to and from ANSI intervals through {@code IntervalCastOps}, which raises Spark's errors
   * rather than giving null, so the result is null exactly when the input is.
   */
  private ExprValue intervalCast(DataType from, DataType to, ExprValue child, String name, CodeBuilder code) {
    String ops = "dev.ember.codegen.semantics.IntervalCastOps";
    String family = from instanceof DayTimeIntervalType ? "dayTime" : "yearMonth";
    String target = to instanceof DayTimeIntervalType ? "DayTime" : "YearMonth";
    String v = child.value();
    String value;
    if (to instanceof StringType) {
      value = ops + "." + family + "ToString(" + v + ", " + typeReference(from) + ")"
          + ".getBytes(java.nio.charset.StandardCharsets.UTF_8)";
    } else if (to instanceof DecimalType decimal) {
      value = fromBigDecimal(ops + "." + family + "ToDecimal(" + v + ", " + typeReference(from) + ", "
          + decimal.precision() + ", " + decimal.scale() + ")", decimal);
    } else if (isInterval(from) && isInterval(to)) {
      value = ops + "." + family + "To" + target + "(" + v + ", " + typeReference(to) + ")";
    } else if (isInterval(from)) {
      value = "(" + JavaTypes.javaType(to) + ") " + ops + "." + family + "ToIntegral(" + v + ", "
          + typeReference(from) + ", " + typeConstant(to) + ")";
    } else if (from instanceof StringType) {
      value = ops + ".stringTo" + target + "(" + RUNTIME + ".string(" + child.bytesArguments() + "), "
          + typeReference(to) + ")";
    } else if (from instanceof DecimalType) {
      value = ops + ".decimalTo" + target + "(" + bigDecimal(child) + ", " + typeReference(from) + ", "
          + typeReference(to) + ")";
    } else {
      value = ops + ".integralTo" + target + "(" + v + ", " + typeConstant(from) + ", " + typeReference(to) + ")";
    }
    boolean text = to instanceof StringType;
    code.line((text ? "byte[]" : JavaTypes.javaType(to)) + " " + name + " = "
        + (text ? "null" : JavaTypes.defaultValue(to)) + ";");
    if (child.neverNull()) {
      code.line(name + " = " + value + ";");
    } else {
      code.open("if (!" + child.isNull() + ") {").line(name + " = " + value + ";").close();
    }
    return text ? ExprValue.byteArray(to, child.isNull(), name) : ExprValue.of(to, child.isNull(), name);
  }

  /** A field holding {@code type} as its own class, for helpers that take e.g. a DayTimeIntervalType. */
  private String typeReference(DataType type) {
    return builder.addReference("type", type.getClass().getName(), type, type.simpleString());
  }

  private static boolean isDateTime(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }

  private String sessionZone() {
    return builder.addReference("zone", "java.time.ZoneId", sessionTimeZone, "session time zone " + sessionTimeZone);
  }

  /** Dates, timestamps and timestamps without a zone among themselves: {@code DateTimeCastOps}. */
  private ExprValue dateTimeCast(DataType from, DataType to, ExprValue child, String name, CodeBuilder code) {
    String v = child.value();
    String value;
    if (from instanceof TimestampNTZType) {
      value = to instanceof DateType ? DATE_TIME_CASTS + ".wallClockToDate(" + v + ")"
          : DATE_TIME_CASTS + ".wallClockToInstant(" + v + ", " + sessionZone() + ")";
    } else if (from instanceof TimestampType) {
      value = to instanceof DateType ? DATE_TIME_CASTS + ".instantToDate(" + v + ", " + sessionZone() + ")"
          : DATE_TIME_CASTS + ".instantToWallClock(" + v + ", " + sessionZone() + ")";
    } else {
      value = to instanceof TimestampNTZType ? DATE_TIME_CASTS + ".dateToWallClock(" + v + ")"
          : DATE_TIME_CASTS + ".dateToInstant(" + v + ", " + sessionZone() + ")";
    }
    String javaType = JavaTypes.javaType(to);
    code.line(javaType + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
    if (child.neverNull()) {
      code.line(name + " = " + value + ";");
    } else {
      code.open("if (!" + child.isNull() + ") {").line(name + " = " + value + ";").close();
    }
    return ExprValue.of(to, child.isNull(), name);
  }

  /** Number, boolean, date and timestamp to string: Spark's text as a new byte[] per row. */
  private ExprValue castToString(Cast expression, DataType from, ExprValue child, String name, CodeBuilder code) {
    String v = child.value();
    String text;
    if (from instanceof BooleanType) {
      text = "(" + v + " ? \"true\" : \"false\")";
    } else if (from instanceof DateType) {
      text = "StringCastOps.fromDate(" + v + ")";
    } else if (from instanceof TimestampType) {
      text = DATE_TIME_CASTS + ".instantToString(" + v + ", " + sessionZone() + ")";
    } else if (from instanceof TimestampNTZType) {
      text = "StringCastOps.fromTimestamp(" + v + ")";
    } else if (JavaTypes.isIntegral(from)) {
      text = "Long.toString(" + v + ")";
    } else if (from instanceof FloatType) {
      text = "StringCastOps.fromFloat(" + v + ")";
    } else if (from instanceof DoubleType) {
      text = "StringCastOps.fromDouble(" + v + ")";
    } else if (from instanceof DecimalType) {
      text = "StringCastOps.fromDecimal(" + bigDecimal(child) + ")";
    } else {
      throw Unsupported.expression(expression, "cast from " + from.simpleString() + " to string is interpreted");
    }
    code.line("byte[] " + name + " = null;");
    String assign = name + " = " + text + ".getBytes(java.nio.charset.StandardCharsets.UTF_8);";
    if (child.neverNull()) {
      code.line(assign);
    } else {
      code.open("if (!" + child.isNull() + ") {").line(assign).close();
    }
    return ExprValue.byteArray(expression.dataType(), child.isNull(), name);
  }

  private ExprValue decimalCast(Cast expression, DataType from, DataType to, ExprValue child, String name,
      boolean castAnsi, CodeBuilder code) {
    String javaType = JavaTypes.javaType(to);
    code.line("boolean " + name + "Null = " + child.isNull() + ";");
    code.line(javaType + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
    code.open("if (!" + name + "Null) {");
    if (to instanceof DecimalType target) {
      String exact;
      if (JavaTypes.isIntegral(from)) {
        exact = CASTS + ".integralToDecimal(" + child.value() + ", " + target.precision() + ", " + target.scale()
            + ", " + castAnsi + ")";
      } else if (JavaTypes.isFractional(from)) {
        exact = CASTS + ".fractionalToDecimal(" + child.value() + ", " + target.precision() + ", " + target.scale()
            + ", " + castAnsi + ")";
      } else if (from instanceof DecimalType) {
        exact = CASTS + ".decimalToDecimal(" + bigDecimal(child) + ", " + target.precision() + ", "
            + target.scale() + ", " + castAnsi + ")";
      } else {
        throw Unsupported.expression(expression,
            "cast from " + from.simpleString() + " to " + to.simpleString() + " is interpreted");
      }
      code.line("java.math.BigDecimal " + name + "Exact = " + exact + ";");
      code.open("if (" + name + "Exact == null) {").line(name + "Null = true;").orElse()
          .line(name + " = " + fromBigDecimal(name + "Exact", target) + ";").close();
    } else if (JavaTypes.isIntegral(to)) {
      String source = builder.addReference("type", "dev.ember.sql.types.DecimalType", from,
          "decimal type " + from.simpleString());
      code.line(name + " = (" + javaType + ") " + CASTS + ".decimalToIntegral(" + bigDecimal(child) + ", " + source
          + ", " + typeConstant(to) + ", " + castAnsi + ");");
    } else if (JavaTypes.isFractional(to)) {
      code.line(name + " = " + CASTS + (to instanceof FloatType ? ".decimalToFloat(" : ".decimalToDouble(")
          + bigDecimal(child) + ");");
    } else {
      throw Unsupported.expression(expression,
          "cast from " + from.simpleString() + " to " + to.simpleString() + " is interpreted");
    }
    code.close();
    return ExprValue.of(to, name + "Null", name);
  }

  private ExprValue stringToNumber(DataType to, ExprValue child, String name, String javaType, boolean castAnsi,
      CodeBuilder code) {
    String bytes = child.value() + ", " + child.length();
    boolean integral = JavaTypes.isIntegral(to);
    code.line("boolean " + name + "Null = " + child.isNull() + ";");
    code.line(javaType + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
    code.open("if (!" + name + "Null) {");
    if (castAnsi) {
      String parse = integral
          ? "(" + javaType + ") " + RUNTIME + ".toIntegralAnsi(" + bytes + ", " + minimum(to) + ", " + maximum(to)
              + ", " + typeConstant(to) + ")"
          : RUNTIME + (to instanceof FloatType ? ".toFloatAnsi(" : ".toDoubleAnsi(") + bytes + ", "
              + typeConstant(to) + ")";
      code.line(name + " = " + parse + ";");
    } else {
      String valid = integral
          ? RUNTIME + ".isIntegral(" + bytes + ", " + minimum(to) + ", " + maximum(to) + ", true)"
          : RUNTIME + ".isFractional(" + bytes + ")";
      String parse = integral
          ? "(" + javaType + ") " + RUNTIME + ".toIntegral(" + bytes + ")"
          : RUNTIME + (to instanceof FloatType ? ".toFloat(" : ".toDouble(") + bytes + ")";
      code.open("if (" + valid + ") {").line(name + " = " + parse + ";").orElse().line(name + "Null = true;").close();
    }
    code.close();
    return ExprValue.of(to, name + "Null", name);
  }

  private static int rank(DataType integral) {
    if (integral instanceof ByteType) {
      return 1;
    } else if (integral instanceof ShortType) {
      return 2;
    } else if (integral instanceof IntegerType) {
      return 3;
    }
    return 4;
  }

  private static String minimum(DataType integral) {
    return switch (rank(integral)) {
      case 1 -> "-128L";
      case 2 -> "-32768L";
      case 3 -> "-2147483648L";
      default -> "Long.MIN_VALUE";
    };
  }

  private static String maximum(DataType integral) {
    return switch (rank(integral)) {
      case 1 -> "127L";
      case 2 -> "32767L";
      case 3 -> "2147483647L";
      default -> "Long.MAX_VALUE";
    };
  }

  private static String typeConstant(DataType type) {
    return "DataTypes." + type.getClass().getSimpleName();
  }
}
