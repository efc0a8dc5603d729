package dev.ember.planner.functions;

import static dev.ember.planner.functions.ArgumentType.DOUBLE;
import static dev.ember.planner.functions.ArgumentType.INT;
import static dev.ember.planner.functions.ArgumentType.NUMERIC;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.DecimalResultTypes;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.functions.ScalarFunction.Nullability;
import dev.ember.runtime.functions.BitwiseFunctions;
import dev.ember.runtime.functions.MathFunctions;
import dev.ember.runtime.functions.NumberBaseFunctions;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import java.util.List;

/**
 * Spark's math functions. Names, pretty names (Spark writes {@code SQRT(x)} but {@code ln(x)}),
 * result types and nullability were observed on Spark 4.2.0; the values come from
 * {@link MathFunctions}.
 */
public final class MathFunctionDefinitions {
  private MathFunctionDefinitions() {}

  // ---------------------------------------------------------------------------------------------
  // Argument types beyond the common ones.

  /** ceil and floor: double, decimal or bigint; other integrals become bigint, other numbers double. */
  private static final ArgumentType CEIL_INPUT = new ArgumentType("(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")",
      type -> type instanceof DoubleType || type instanceof DecimalType || type instanceof LongType,
      from -> ImplicitCasts.integralRank(from) > 0 ? DataTypes.LongType
          : from instanceof FloatType || from instanceof StringType || from instanceof NullType
              ? DataTypes.DoubleType : null);

  /**
   * ceil and floor with a scale work on decimals: any number becomes the decimal Spark sees it as (int
   * is decimal(10,0), double decimal(30,15), so 1e300 overflows, as in Spark).
   */
  private static final ArgumentType CEIL_TO_SCALE_INPUT = new ArgumentType(
      "(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")",
      type -> type instanceof DecimalType,
      from -> from.isNumeric() ? ImplicitCasts.asDecimal(from)
          : from instanceof StringType || from instanceof NullType ? ImplicitCasts.asDecimal(DataTypes.DoubleType)
          : null);

  /** Spark casts any number or string to the integral it needs here, narrowing too (factorial(5L)). */
  private static ArgumentType anyNumberAs(DataType target) {
    return new ArgumentType("\"" + target.sql() + "\"", target::equals,
        from -> from.isNumeric() || from instanceof StringType || from instanceof NullType ? target : null);
  }

  private static final ArgumentType INT_OR_BIGINT = new ArgumentType("(\"INT\" or \"BIGINT\")",
      type -> type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType),
      from -> from.isNumeric() || from instanceof StringType || from instanceof NullType ? DataTypes.IntegerType
          : null);

  private static final ArgumentType SEED = new ArgumentType("(\"INT\" or \"BIGINT\")", DataTypes.LongType::equals,
      from -> ImplicitCasts.integralRank(from) > 0 || from instanceof NullType ? DataTypes.LongType : null);

  private static final ArgumentType BIGINT_OR_DECIMAL = new ArgumentType("(\"BIGINT\" or \"DECIMAL\")",
      type -> type.equals(DataTypes.LongType) || type instanceof DecimalType,
      from -> ImplicitCasts.integralRank(from) > 0 || from instanceof StringType || from instanceof NullType
          ? DataTypes.LongType : null);

  private static final ArgumentType DOUBLE_OR_FLOAT = new ArgumentType("(\"DOUBLE\" or \"FLOAT\")",
      type -> type instanceof DoubleType || type instanceof FloatType,
      from -> from.isNumeric() || from instanceof StringType || from instanceof NullType ? DataTypes.DoubleType
          : null);

  private static final ArgumentType HEX_INPUT = new ArgumentType("(\"BIGINT\" or \"BINARY\" or \"STRING\")",
      type -> type.equals(DataTypes.LongType) || type.equals(DataTypes.BinaryType)
          || type.equals(DataTypes.StringType),
      from -> from.isNumeric() || from instanceof NullType ? DataTypes.LongType : null);

  // ---------------------------------------------------------------------------------------------
  // Result types.

  /** ceil(decimal(p, s)) is decimal(p - s + 1, 0): one more integral digit for the carry. */
  private static DataType ceilResult(List<Expression> arguments) {
    if (arguments.get(0).dataType() instanceof DecimalType decimal) {
      return bounded(decimal.precision() - decimal.scale() + 1, 0);
    }
    return DataTypes.LongType;
  }

  /**
   * Rounding a decimal to {@code scale} digits keeps its integral digits plus one for the carry, and
   * the smaller of the two scales; a negative scale rounds left of the point and needs at least
   * {@code -scale + 1} digits.
   */
  private static DecimalType roundedDecimal(DecimalType input, Integer requestedScale) {
    int scale = requestedScale == null ? 0 : requestedScale;
    int integralDigits = input.precision() - input.scale() + 1;
    if (scale < 0) {
      return bounded(Math.max(integralDigits, -scale + 1), 0);
    }
    int newScale = Math.min(input.scale(), scale);
    return bounded(integralDigits + newScale, newScale);
  }

  private static DecimalType bounded(int precision, int scale) {
    int boundedScale = Math.min(scale, DecimalType.MAX_SCALE);
    return new DecimalType(Math.min(Math.max(precision, 1), DecimalType.MAX_PRECISION), boundedScale);
  }

  private static DataType roundResult(List<Expression> arguments) {
    DataType input = arguments.get(0).dataType();
    return input instanceof DecimalType decimal ? roundedDecimal(decimal, Constants.intValue(arguments.get(1)))
        : input;
  }

  /** Two decimals keep their types; the remainder's type is Spark's, as for {@code %}. */
  private static DataType remainderResult(List<Expression> arguments) {
    if (arguments.get(0).dataType() instanceof DecimalType left
        && arguments.get(1).dataType() instanceof DecimalType right) {
      return DecimalResultTypes.of(ArithmeticOperator.REMAINDER, left, right);
    }
    return arguments.get(0).dataType();
  }

  private static DataType ceilWithScaleResult(List<Expression> arguments) {
    return roundedDecimal(ImplicitCasts.asDecimal(arguments.get(0).dataType()), Constants.intValue(arguments.get(1)));
  }

  // ---------------------------------------------------------------------------------------------
  // Definitions.

  private static ScalarFunction unaryDouble(String name, String prettyName) {
    return ScalarFunction.builder(name).prettyName(prettyName).arguments(DOUBLE).returns(DataTypes.DoubleType)
        .nullability(Nullability.ALWAYS).implementedBy(MathFunctions.class).build();
  }

  /** abs also takes ANSI intervals, whose int months and long microseconds share the integral overloads. */
  public static final ScalarFunction ABS = ScalarFunction.builder("abs")
      .arguments(new ArgumentType("(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\")",
          type -> NUMERIC.accepts(type) || type instanceof dev.ember.sql.types.DayTimeIntervalType
              || type instanceof dev.ember.sql.types.YearMonthIntervalType, NUMERIC.coercion()))
      .returns(ScalarFunction.ResultType.argument(0))
      .context(FunctionContext.ANSI)
      .implementedBy(MathFunctions.class).build();

  public static final ScalarFunction POSITIVE = ScalarFunction.builder("positive")
      .arguments(NUMERIC).returns(ScalarFunction.ResultType.argument(0))
      .sql((name, arguments) -> "(+ " + arguments.get(0).sql() + ")")
      .implementedBy(MathFunctions.class).build();

  public static final ScalarFunction SQRT = unaryDouble("sqrt", "SQRT");
  public static final ScalarFunction CBRT = unaryDouble("cbrt", "CBRT");
  public static final ScalarFunction EXP = unaryDouble("exp", "EXP");
  public static final ScalarFunction EXPM1 = unaryDouble("expm1", "EXPM1");
  public static final ScalarFunction LN = unaryDouble("ln", "ln");
  public static final ScalarFunction LOG10 = unaryDouble("log10", "LOG10");
  public static final ScalarFunction LOG2 = unaryDouble("log2", "LOG2");
  public static final ScalarFunction LOG1P = unaryDouble("log1p", "LOG1P");
  public static final ScalarFunction SIGNUM = unaryDouble("signum", "SIGNUM");
  public static final ScalarFunction SIGN = SIGNUM.toBuilder().name("sign").prettyName("sign").build();
  public static final ScalarFunction SIN = unaryDouble("sin", "SIN");
  public static final ScalarFunction COS = unaryDouble("cos", "COS");
  public static final ScalarFunction TAN = unaryDouble("tan", "TAN");
  public static final ScalarFunction ASIN = unaryDouble("asin", "ASIN");
  public static final ScalarFunction ACOS = unaryDouble("acos", "ACOS");
  public static final ScalarFunction ATAN = unaryDouble("atan", "ATAN");
  public static final ScalarFunction SINH = unaryDouble("sinh", "SINH");
  public static final ScalarFunction COSH = unaryDouble("cosh", "COSH");
  public static final ScalarFunction TANH = unaryDouble("tanh", "TANH");
  public static final ScalarFunction COT = unaryDouble("cot", "COT");
  public static final ScalarFunction SEC = unaryDouble("sec", "SEC");
  public static final ScalarFunction CSC = unaryDouble("csc", "CSC");
  public static final ScalarFunction DEGREES = unaryDouble("degrees", "DEGREES");
  public static final ScalarFunction RADIANS = unaryDouble("radians", "RADIANS");

  /** {@code log(x)} is the natural logarithm, named as Spark's {@code LOG(E(), x)}. */
  public static final ScalarFunction LOG_NATURAL = LN.toBuilder().name("log")
      .sql((name, arguments) -> "LOG(E(), " + arguments.get(0).sql() + ")").build();

  public static final ScalarFunction LOG = ScalarFunction.builder("log").prettyName("LOG")
      .arguments(DOUBLE, DOUBLE).returns(DataTypes.DoubleType).nullability(Nullability.ALWAYS)
      .implementedBy(MathFunctions.class).build();

  public static final ScalarFunction POW = ScalarFunction.builder("pow").arguments(DOUBLE, DOUBLE)
      .returns(DataTypes.DoubleType).implementedBy(MathFunctions.class).build();
  public static final ScalarFunction POWER = POW.toBuilder().name("power").prettyName("POWER").build();

  public static final ScalarFunction ATAN2 = ScalarFunction.builder("atan2").prettyName("ATAN2")
      .arguments(DOUBLE, DOUBLE).returns(DataTypes.DoubleType).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction HYPOT = ScalarFunction.builder("hypot").prettyName("HYPOT")
      .arguments(DOUBLE, DOUBLE).returns(DataTypes.DoubleType).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction E = ScalarFunction.builder("e").prettyName("E").returns(DataTypes.DoubleType)
      .nullability(Nullability.NEVER).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction PI = ScalarFunction.builder("pi").prettyName("PI")
      .returns(DataTypes.DoubleType).nullability(Nullability.NEVER).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction CEIL = ScalarFunction.builder("ceil").prettyName("CEIL").arguments(CEIL_INPUT)
      .returns(MathFunctionDefinitions::ceilResult).nullability(Nullability.ALWAYS)
      .implementedBy(MathFunctions.class).build();
  public static final ScalarFunction CEILING = CEIL.toBuilder().name("ceiling").prettyName("ceiling").build();
  public static final ScalarFunction FLOOR = ScalarFunction.builder("floor").prettyName("FLOOR")
      .arguments(CEIL_INPUT).returns(MathFunctionDefinitions::ceilResult).nullability(Nullability.ALWAYS)
      .implementedBy(MathFunctions.class).build();

  public static final ScalarFunction CEIL_TO_SCALE = ScalarFunction.builder("ceil").arguments(CEIL_TO_SCALE_INPUT, INT)
      .foldable(1).returns(MathFunctionDefinitions::ceilWithScaleResult).nullability(Nullability.ALWAYS)
      .implementedBy(MathFunctions.class).build();
  public static final ScalarFunction CEILING_TO_SCALE = CEIL_TO_SCALE.toBuilder().name("ceiling")
      .prettyName("ceiling").build();
  public static final ScalarFunction FLOOR_TO_SCALE = ScalarFunction.builder("floor").arguments(CEIL_TO_SCALE_INPUT, INT)
      .foldable(1).returns(MathFunctionDefinitions::ceilWithScaleResult).nullability(Nullability.ALWAYS)
      .implementedBy(MathFunctions.class).build();

  /** round(x) is round(x, 0): the registry adds the default scale, so the name reads {@code round(x, 0)}. */
  public static final ScalarFunction ROUND = ScalarFunction.builder("round").arguments(NUMERIC, INT).foldable(1)
      .defaults(Literal.fromJava(0))
      .returns(MathFunctionDefinitions::roundResult).nullability(Nullability.ALWAYS)
      .context(FunctionContext.ANSI).implementedBy(MathFunctions.class).build();
  public static final ScalarFunction BROUND = ROUND.toBuilder().name("bround").prettyName("bround")
      .implementedBy(MathFunctions.class, "bround").build();

  public static final ScalarFunction PMOD = ScalarFunction.builder("pmod").arguments(NUMERIC, NUMERIC)
      .widenArguments().returns(MathFunctionDefinitions::remainderResult).nullability(Nullability.ALWAYS)
      .context(FunctionContext.ANSI).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction DIV = ScalarFunction.builder("div")
      .arguments(BIGINT_OR_DECIMAL, BIGINT_OR_DECIMAL).widenArguments().returns(DataTypes.LongType)
      .nullability(Nullability.ALWAYS)
      .sql((name, arguments) -> "(" + arguments.get(0).sql() + " div " + arguments.get(1).sql() + ")")
      .context(FunctionContext.ANSI).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction SHIFT_LEFT = shift("shiftleft");
  public static final ScalarFunction SHIFT_RIGHT = shift("shiftright");
  public static final ScalarFunction SHIFT_RIGHT_UNSIGNED = shift("shiftrightunsigned");

  private static ScalarFunction shift(String name) {
    return ScalarFunction.builder(name).arguments(INT_OR_BIGINT, anyNumberAs(DataTypes.IntegerType))
        .returns(ScalarFunction.ResultType.argument(0)).implementedBy(MathFunctions.class).build();
  }

  /** Integral types as they are; null as int (what Spark makes of {@code ~NULL}). */
  private static final ArgumentType INTEGRAL = new ArgumentType("\"INTEGRAL\"", MathFunctionDefinitions::integral,
      from -> from instanceof NullType ? DataTypes.IntegerType : null);

  /** Operands of {@code &}, {@code |}, {@code ^}: as {@link #INTEGRAL}, and a string becomes bigint as in Spark. */
  private static final ArgumentType INTEGRAL_OPERAND = new ArgumentType("\"INTEGRAL\"",
      MathFunctionDefinitions::integral,
      from -> from instanceof StringType ? DataTypes.LongType : from instanceof NullType ? DataTypes.IntegerType : null);

  private static final ArgumentType INTEGRAL_OR_BOOLEAN = new ArgumentType("(\"INTEGRAL\" or \"BOOLEAN\")",
      type -> integral(type) || type.equals(DataTypes.BooleanType), INTEGRAL.coercion());

  private static boolean integral(DataType type) {
    return type.equals(DataTypes.ByteType) || type.equals(DataTypes.ShortType)
        || type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType);
  }

  public static final ScalarFunction BITWISE_AND = bitwise("&", "bitwiseAnd");
  public static final ScalarFunction BITWISE_OR = bitwise("|", "bitwiseOr");
  public static final ScalarFunction BITWISE_XOR = bitwise("^", "bitwiseXor");

  private static ScalarFunction bitwise(String symbol, String method) {
    return ScalarFunction.builder(symbol).arguments(INTEGRAL_OPERAND, INTEGRAL_OPERAND).binaryOperator()
        .returns(ScalarFunction.ResultType.argument(0))
        .sql((name, arguments) -> "(" + arguments.get(0).sql() + " " + symbol + " " + arguments.get(1).sql() + ")")
        .implementedBy(BitwiseFunctions.class, method).build();
  }

  public static final ScalarFunction BITWISE_NOT = ScalarFunction.builder("~").arguments(INTEGRAL)
      .returns(ScalarFunction.ResultType.argument(0)).sql((name, arguments) -> "~" + arguments.get(0).sql())
      .implementedBy(BitwiseFunctions.class, "bitwiseNot").build();

  public static final ScalarFunction BIT_COUNT = ScalarFunction.builder("bit_count").arguments(INTEGRAL_OR_BOOLEAN)
      .returns(DataTypes.IntegerType).implementedBy(BitwiseFunctions.class, "bitCount").build();

  public static final ScalarFunction FACTORIAL = ScalarFunction.builder("factorial")
      .arguments(anyNumberAs(DataTypes.IntegerType)).returns(DataTypes.LongType).nullability(Nullability.ALWAYS)
      .implementedBy(MathFunctions.class).build();

  public static final ScalarFunction WIDTH_BUCKET = ScalarFunction.builder("width_bucket")
      .arguments(DOUBLE, DOUBLE, DOUBLE, ArgumentType.LONG).returns(DataTypes.LongType)
      .nullability(Nullability.ALWAYS).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction HEX = ScalarFunction.builder("hex").arguments(HEX_INPUT)
      .returns(DataTypes.StringType).implementedBy(NumberBaseFunctions.class).build();

  public static final ScalarFunction UNHEX = ScalarFunction.builder("unhex").arguments(ArgumentType.STRING)
      .returns(DataTypes.BinaryType).nullability(Nullability.ALWAYS).implementedBy(NumberBaseFunctions.class).build();

  public static final ScalarFunction BIN = ScalarFunction.builder("bin").arguments(anyNumberAs(DataTypes.LongType))
      .returns(DataTypes.StringType).implementedBy(NumberBaseFunctions.class).build();

  public static final ScalarFunction CONV = ScalarFunction.builder("conv")
      .arguments(ArgumentType.STRING, INT, INT).returns(DataTypes.StringType).nullability(Nullability.ALWAYS)
      .context(FunctionContext.ANSI).implementedBy(NumberBaseFunctions.class).build();

  public static final ScalarFunction RAND = ScalarFunction.builder("rand").arguments(SEED).foldable(0)
      .returns(DataTypes.DoubleType).nullability(Nullability.NEVER).nondeterministic()
      .perPartitionState("randomState").implementedBy(MathFunctions.class).build();
  public static final ScalarFunction RANDN = RAND.toBuilder().name("randn").prettyName("randn")
      .implementedBy(MathFunctions.class, "randn").build();
  public static final ScalarFunction RAND_UNSEEDED = RAND.toBuilder().arguments().build();
  public static final ScalarFunction RANDN_UNSEEDED = RANDN.toBuilder().arguments().build();

  public static final ScalarFunction ISNAN = ScalarFunction.builder("isnan").arguments(DOUBLE).nullAware()
      .returns(DataTypes.BooleanType).nullability(Nullability.NEVER).implementedBy(MathFunctions.class).build();

  public static final ScalarFunction NANVL = ScalarFunction.builder("nanvl").arguments(DOUBLE_OR_FLOAT, DOUBLE_OR_FLOAT)
      .widenArguments().nullAware().returns(ScalarFunction.ResultType.argument(0))
      .implementedBy(MathFunctions.class).build();

  /** Every definition, overloads of one name together; the registry registers them all. */
  public static final List<ScalarFunction> ALL = List.of(
      ABS, POSITIVE, SQRT, CBRT, EXP, EXPM1, LN, LOG10, LOG2, LOG1P, LOG_NATURAL, LOG, POW, POWER, SIGNUM, SIGN,
      SIN, COS, TAN, ASIN, ACOS, ATAN, ATAN2, SINH, COSH, TANH, COT, SEC, CSC, DEGREES, RADIANS, HYPOT, E, PI,
      CEIL, CEIL_TO_SCALE, CEILING, CEILING_TO_SCALE, FLOOR, FLOOR_TO_SCALE, ROUND, BROUND, PMOD, DIV,
      SHIFT_LEFT, SHIFT_RIGHT, SHIFT_RIGHT_UNSIGNED, FACTORIAL, WIDTH_BUCKET, HEX, UNHEX, BIN, CONV,
      RAND, RAND_UNSEEDED, RANDN, RANDN_UNSEEDED, ISNAN, NANVL, BITWISE_AND, BITWISE_OR, BITWISE_XOR, BITWISE_NOT,
      BIT_COUNT);
}
