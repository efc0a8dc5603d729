package dev.ember.planner.functions;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import java.math.BigDecimal;
import dev.ember.runtime.functions.IntervalFunctions;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.util.List;

/**
 * Spark's arithmetic on ANSI intervals, as functions the analyzer puts in place of {@code +}, {@code -},
 * {@code *}, {@code /} and unary minus when an operand is an interval
 * ({@code analysis.IntervalArithmeticAsFunctions}). Those are not callable by name, so they are not in
 * the registry; each renders the column name Spark gives the operator. {@link #ALL} holds the functions
 * that are: {@code make_ym_interval} and {@code make_dt_interval}.
 */
public final class IntervalFunctionDefinitions {
  private IntervalFunctionDefinitions() {}

  static final ArgumentType YEAR_MONTH = new ArgumentType("\"INTERVAL YEAR TO MONTH\"",
      type -> type instanceof YearMonthIntervalType, from -> null);
  static final ArgumentType DAY_TIME = new ArgumentType("\"INTERVAL DAY TO SECOND\"",
      type -> type instanceof DayTimeIntervalType, from -> null);
  static final ArgumentType NUMBER = new ArgumentType("\"NUMERIC\"", DataType::isNumeric, from -> null);
  static final ArgumentType DATE = exactlyAsIs(DataTypes.DateType);
  static final ArgumentType TIMESTAMP = exactlyAsIs(DataTypes.TimestampType);
  static final ArgumentType TIMESTAMP_NTZ = exactlyAsIs(DataTypes.TimestampNTZType);

  private static ArgumentType exactlyAsIs(DataType type) {
    return new ArgumentType("\"" + type.sql() + "\"", type::equals, from -> null);
  }

  private static ScalarFunction.Builder function(String name, String method, ArgumentType... arguments) {
    return ScalarFunction.builder(name).arguments(arguments).implementedBy(IntervalFunctions.class, method);
  }

  /** {@code (left op right)}, as Spark names arithmetic between intervals and numbers. */
  private static ScalarFunction.SqlRendering operator(String symbol) {
    return (name, arguments) -> "(" + arguments.get(0).sql() + " " + symbol + " " + arguments.get(1).sql() + ")";
  }

  /** {@code left op right} without parentheses, as Spark names a date or timestamp moved by an interval. */
  private static ScalarFunction.SqlRendering bareOperator(String symbol) {
    return (name, arguments) -> arguments.get(0).sql() + " " + symbol + " " + arguments.get(1).sql();
  }

  /** The interval type holding both operands' fields: {@code DAY + HOUR} is {@code DAY TO HOUR}. */
  private static DataType unionOfFields(List<Expression> arguments) {
    DataType left = arguments.get(0).dataType();
    DataType right = arguments.get(1).dataType();
    if (left instanceof YearMonthIntervalType l && right instanceof YearMonthIntervalType r) {
      return new YearMonthIntervalType((byte) Math.min(l.startField(), r.startField()),
          (byte) Math.max(l.endField(), r.endField()));
    }
    DayTimeIntervalType l = (DayTimeIntervalType) left;
    DayTimeIntervalType r = (DayTimeIntervalType) right;
    return new DayTimeIntervalType((byte) Math.min(l.startField(), r.startField()),
        (byte) Math.max(l.endField(), r.endField()));
  }

  private static final DataType SECONDS = DataTypes.createDecimalType(18, 6);

  /** {@code make_ym_interval([years[, months]])}, omitted fields 0. */
  public static final ScalarFunction MAKE_YM_INTERVAL = ScalarFunction.builder("make_ym_interval")
      .arguments(ArgumentType.INT, ArgumentType.INT)
      .defaults(new Literal(0, DataTypes.IntegerType), new Literal(0, DataTypes.IntegerType))
      .returns(DataTypes.createYearMonthIntervalType())
      .implementedBy(IntervalFunctions.class, "makeYmInterval").build();
  /** {@code make_dt_interval([days[, hours[, mins[, secs]]]])}, omitted fields 0; secs a decimal(18,6). */
  public static final ScalarFunction MAKE_DT_INTERVAL = ScalarFunction.builder("make_dt_interval")
      .arguments(ArgumentType.INT, ArgumentType.INT, ArgumentType.INT, ArgumentType.exactly(SECONDS))
      .defaults(new Literal(0, DataTypes.IntegerType), new Literal(0, DataTypes.IntegerType),
          new Literal(0, DataTypes.IntegerType), new Literal(new BigDecimal("0.000000"), SECONDS))
      .returns(DataTypes.createDayTimeIntervalType())
      .implementedBy(IntervalFunctions.class, "makeDtInterval").build();

  /** The interval functions callable by name. */
  public static final List<ScalarFunction> ALL = List.of(MAKE_YM_INTERVAL, MAKE_DT_INTERVAL);

  public static final ScalarFunction YEAR_MONTH_ADD = function("interval_add", "yearMonthAdd", YEAR_MONTH, YEAR_MONTH)
      .returns(IntervalFunctionDefinitions::unionOfFields).sql(operator("+")).build();
  public static final ScalarFunction DAY_TIME_ADD = function("interval_add", "dayTimeAdd", DAY_TIME, DAY_TIME)
      .returns(IntervalFunctionDefinitions::unionOfFields).sql(operator("+")).build();
  public static final ScalarFunction YEAR_MONTH_SUBTRACT =
      function("interval_subtract", "yearMonthSubtract", YEAR_MONTH, YEAR_MONTH)
          .returns(IntervalFunctionDefinitions::unionOfFields).sql(operator("-")).build();
  public static final ScalarFunction DAY_TIME_SUBTRACT =
      function("interval_subtract", "dayTimeSubtract", DAY_TIME, DAY_TIME)
          .returns(IntervalFunctionDefinitions::unionOfFields).sql(operator("-")).build();
  public static final ScalarFunction YEAR_MONTH_NEGATE = function("interval_negate", "yearMonthNegate", YEAR_MONTH)
      .returns(ScalarFunction.ResultType.argument(0))
      .sql((name, arguments) -> "(- " + arguments.get(0).sql() + ")").build();
  public static final ScalarFunction DAY_TIME_NEGATE = function("interval_negate", "dayTimeNegate", DAY_TIME)
      .returns(ScalarFunction.ResultType.argument(0))
      .sql((name, arguments) -> "(- " + arguments.get(0).sql() + ")").build();

  // A product or quotient has the family's widest type, whatever the operand's fields.
  public static final ScalarFunction YEAR_MONTH_MULTIPLY =
      function("interval_multiply", "yearMonthMultiply", YEAR_MONTH, NUMBER)
          .returns(DataTypes.createYearMonthIntervalType()).sql(operator("*")).build();
  public static final ScalarFunction DAY_TIME_MULTIPLY =
      function("interval_multiply", "dayTimeMultiply", DAY_TIME, NUMBER)
          .returns(DataTypes.createDayTimeIntervalType()).sql(operator("*")).build();
  public static final ScalarFunction YEAR_MONTH_DIVIDE =
      function("interval_divide", "yearMonthDivide", YEAR_MONTH, NUMBER)
          .returns(DataTypes.createYearMonthIntervalType()).sql(operator("/")).build();
  public static final ScalarFunction DAY_TIME_DIVIDE =
      function("interval_divide", "dayTimeDivide", DAY_TIME, NUMBER)
          .returns(DataTypes.createDayTimeIntervalType()).sql(operator("/")).build();

  // Dates and timestamps moved by intervals. Subtraction negates the interval first.
  public static final ScalarFunction DATE_ADD_YEAR_MONTH =
      function("date_add_interval", "dateAddYearMonth", DATE, YEAR_MONTH)
          .returns(DataTypes.DateType).sql(bareOperator("+")).build();
  public static final ScalarFunction DATE_ADD_DAYS = function("date_add", "dateAddDays", DATE, DAY_TIME)
      .returns(DataTypes.DateType)
      .sql((name, arguments) -> "date_add(" + arguments.get(0).sql() + ", extractansiintervaldays("
          + arguments.get(1).sql() + "))").build();
  public static final ScalarFunction DATE_SUBTRACT_DAYS = function("date_add", "dateSubtractDays", DATE, DAY_TIME)
      .returns(DataTypes.DateType)
      .sql((name, arguments) -> "date_add(" + arguments.get(0).sql() + ", (- extractansiintervaldays("
          + arguments.get(1).sql() + ")))").build();
  public static final ScalarFunction DATE_ADD_DAY_TIME =
      function("date_add_interval", "dateAddDayTime", DATE, DAY_TIME)
          .context(FunctionContext.SESSION_TIME_ZONE).returns(DataTypes.TimestampType).sql(bareOperator("+")).build();
  public static final ScalarFunction TIMESTAMP_ADD_YEAR_MONTH =
      function("timestamp_add_interval", "timestampAddYearMonth", TIMESTAMP, YEAR_MONTH)
          .context(FunctionContext.SESSION_TIME_ZONE).returns(DataTypes.TimestampType).sql(bareOperator("+")).build();
  public static final ScalarFunction TIMESTAMP_ADD_DAY_TIME =
      function("timestamp_add_interval", "timestampAddDayTime", TIMESTAMP, DAY_TIME)
          .context(FunctionContext.SESSION_TIME_ZONE).returns(DataTypes.TimestampType).sql(bareOperator("+")).build();

  public static final ScalarFunction DATE_SUBTRACT_YEAR_MONTH = subtracting(DATE_ADD_YEAR_MONTH, "dateSubtractYearMonth");
  public static final ScalarFunction DATE_SUBTRACT_DAY_TIME = subtracting(DATE_ADD_DAY_TIME, "dateSubtractDayTime");
  public static final ScalarFunction TIMESTAMP_SUBTRACT_YEAR_MONTH =
      subtracting(TIMESTAMP_ADD_YEAR_MONTH, "timestampSubtractYearMonth");
  public static final ScalarFunction TIMESTAMP_SUBTRACT_DAY_TIME =
      subtracting(TIMESTAMP_ADD_DAY_TIME, "timestampSubtractDayTime");

  // A timestamp without a zone moves by the wall clock: no zone, every day 24 hours.
  public static final ScalarFunction TIMESTAMP_NTZ_ADD_YEAR_MONTH =
      function("timestamp_add_interval", "timestampNtzAddYearMonth", TIMESTAMP_NTZ, YEAR_MONTH)
          .returns(DataTypes.TimestampNTZType).sql(bareOperator("+")).build();
  public static final ScalarFunction TIMESTAMP_NTZ_ADD_DAY_TIME =
      function("timestamp_add_interval", "timestampNtzAddDayTime", TIMESTAMP_NTZ, DAY_TIME)
          .returns(DataTypes.TimestampNTZType).sql(bareOperator("+")).build();
  public static final ScalarFunction TIMESTAMP_NTZ_SUBTRACT_YEAR_MONTH =
      subtracting(TIMESTAMP_NTZ_ADD_YEAR_MONTH, "timestampNtzSubtractYearMonth");
  public static final ScalarFunction TIMESTAMP_NTZ_SUBTRACT_DAY_TIME =
      subtracting(TIMESTAMP_NTZ_ADD_DAY_TIME, "timestampNtzSubtractDayTime");

  /** {@code date - date}: an INTERVAL DAY, named {@code (left - right)} as Spark names it. */
  public static final ScalarFunction DATE_DIFFERENCE = function("subtract_dates", "dateDifference", DATE, DATE)
      .returns(new DayTimeIntervalType(DayTimeIntervalType.DAY(), DayTimeIntervalType.DAY())).sql(operator("-"))
      .build();
  /** {@code timestamp - timestamp}, both with or both without a zone: an INTERVAL DAY TO SECOND. */
  public static final ScalarFunction TIMESTAMP_DIFFERENCE =
      function("subtract_timestamps", "timestampDifference", TIMESTAMP, TIMESTAMP)
          .context(FunctionContext.SESSION_TIME_ZONE).returns(DataTypes.createDayTimeIntervalType())
          .sql(operator("-")).build();
  public static final ScalarFunction TIMESTAMP_NTZ_DIFFERENCE =
      function("subtract_timestamps", "timestampNtzDifference", TIMESTAMP_NTZ, TIMESTAMP_NTZ)
          .returns(DataTypes.createDayTimeIntervalType()).sql(operator("-")).build();

  /** {@code abs} of an interval: unlike abs of an int, the most negative value fails with ANSI off too. */
  public static final ScalarFunction YEAR_MONTH_ABSOLUTE = function("abs", "yearMonthAbsolute", YEAR_MONTH)
      .returns(ScalarFunction.ResultType.argument(0)).build();
  public static final ScalarFunction DAY_TIME_ABSOLUTE = function("abs", "dayTimeAbsolute", DAY_TIME)
      .returns(ScalarFunction.ResultType.argument(0)).build();

  // sum and avg of intervals run as decimal sums (analysis.IntervalAggregatesAsDecimalSums).
  private static final ArgumentType DECIMAL = new ArgumentType("\"DECIMAL\"",
      type -> type instanceof dev.ember.sql.types.DecimalType, from -> null);
  private static final ArgumentType COUNT = exactlyAsIs(DataTypes.LongType);

  /** An interval's months or microseconds as a decimal to sum, named as the interval itself. */
  public static final ScalarFunction DAY_TIME_AS_DECIMAL = function("interval_units", "dayTimeAsDecimal", DAY_TIME)
      .returns(DataTypes.createDecimalType(19, 0)).sql((name, arguments) -> arguments.get(0).sql()).build();
  public static final ScalarFunction YEAR_MONTH_AS_DECIMAL =
      function("interval_units", "yearMonthAsDecimal", YEAR_MONTH)
          .returns(DataTypes.createDecimalType(10, 0)).sql((name, arguments) -> arguments.get(0).sql()).build();

  /** {@code sum(x)} of an interval {@code type}: the decimal sum as that type, named as the sum. */
  public static ScalarFunction sumOf(DataType type) {
    boolean dayTime = type instanceof DayTimeIntervalType;
    return function("interval_sum", dayTime ? "dayTimeSum" : "yearMonthSum", DECIMAL).returns(type)
        .sql((name, arguments) -> arguments.get(0).sql()).build();
  }

  /** {@code avg(x)} of an interval: the decimal sum over the count, as the family's widest type. */
  public static ScalarFunction averageOf(DataType type, String callName) {
    boolean dayTime = type instanceof DayTimeIntervalType;
    return function("interval_average", dayTime ? "dayTimeAverage" : "yearMonthAverage", DECIMAL, COUNT)
        .returns(dayTime ? DataTypes.createDayTimeIntervalType() : DataTypes.createYearMonthIntervalType())
        // The sum's name with avg's: sum(x) becomes avg(x), sum(DISTINCT x) avg(DISTINCT x).
        .sql((name, arguments) -> callName + arguments.get(0).sql().substring("sum".length())).build();
  }

  // extract(field FROM interval), chosen by field in analysis.DateTimeFunctionBuilders.
  private static ScalarFunction extraction(String method, DataType result, ArgumentType source) {
    return function("extract", method, ArgumentType.STRING, source).returns(result).foldable(0)
        .sql((name, arguments) -> "extract(" + (arguments.get(0) instanceof Literal field && field.value() != null
            ? field.value().toString() : arguments.get(0).sql()) + " FROM " + arguments.get(1).sql() + ")")
        .build();
  }

  public static final ScalarFunction EXTRACT_DAYS = extraction("extractDays", DataTypes.IntegerType, DAY_TIME);
  public static final ScalarFunction EXTRACT_HOURS = extraction("extractHours", DataTypes.ByteType, DAY_TIME);
  public static final ScalarFunction EXTRACT_MINUTES = extraction("extractMinutes", DataTypes.ByteType, DAY_TIME);
  public static final ScalarFunction EXTRACT_SECONDS =
      extraction("extractSeconds", DataTypes.createDecimalType(8, 6), DAY_TIME);
  public static final ScalarFunction EXTRACT_YEARS = extraction("extractYears", DataTypes.IntegerType, YEAR_MONTH);
  public static final ScalarFunction EXTRACT_MONTHS = extraction("extractMonths", DataTypes.ByteType, YEAR_MONTH);

  /**
   * The extraction of canonical {@code field} from an interval of {@code type}, or null when the type
   * has no such field (Spark's INVALID_EXTRACT_FIELD): {@code HOUR} of an {@code INTERVAL DAY} is one.
   */
  public static ScalarFunction extractionOf(String field, DataType type) {
    if (type instanceof DayTimeIntervalType dayTime) {
      int index = java.util.List.of("DAY", "HOUR", "MINUTE", "SECOND").indexOf(field);
      if (index < dayTime.startField() || index > dayTime.endField()) {
        return null;
      }
      return List.of(EXTRACT_DAYS, EXTRACT_HOURS, EXTRACT_MINUTES, EXTRACT_SECONDS).get(index);
    } else if (type instanceof YearMonthIntervalType yearMonth) {
      int index = java.util.List.of("YEAR", "MONTH").indexOf(field);
      if (index < yearMonth.startField() || index > yearMonth.endField()) {
        return null;
      }
      return index == 0 ? EXTRACT_YEARS : EXTRACT_MONTHS;
    }
    return null;
  }

  /** The addition's twin named {@code left - right}, computed by {@code method}. */
  private static ScalarFunction subtracting(ScalarFunction addition, String method) {
    return addition.toBuilder().implementedBy(IntervalFunctions.class, method).sql(bareOperator("-")).build();
  }
}
