package dev.ember.planner.functions;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.functions.ScalarFunction.Nullability;
import dev.ember.runtime.functions.DateTimeFormatFunctions;
import dev.ember.runtime.functions.DateTimeFunctions;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.List;

/**
 * Spark's date and time functions. Names, column names, result types and nullability were observed
 * on Spark 4.2.0; the values come from {@link DateTimeFunctions} and {@link DateTimeFormatFunctions}.
 * Every implementation takes the ANSI flag and the session time zone first.
 *
 * <p>Where Spark casts a timestamp or a string to a date (or a date or string to a timestamp), Ember
 * takes the argument as it is and the implementation has an overload per type, because Ember's
 * kernels do not cast between these types yet; the results are the same.
 */
public final class DateTimeFunctionDefinitions {
  private DateTimeFunctionDefinitions() {}

  /** The format Spark uses when unix_timestamp, to_unix_timestamp or from_unixtime get none. */
  public static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

  private static boolean dateLike(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof StringType;
  }

  /**
   * A date; a timestamp or text is taken as it is (the implementation converts it as Spark's cast does).
   * A timestamp without a zone is cast to its date, which needs no zone.
   */
  static final ArgumentType DATE = new ArgumentType("\"DATE\"", DateTimeFunctionDefinitions::dateLike,
      from -> from instanceof NullType || from instanceof TimestampNTZType ? DataTypes.DateType : null);

  /**
   * A timestamp; a date or text is taken as it is. A timestamp without a zone is cast to a timestamp
   * in the session zone, as Spark casts it (so a wall-clock time a daylight-saving gap skips moves on).
   */
  static final ArgumentType TIMESTAMP = new ArgumentType("\"TIMESTAMP\"", DateTimeFunctionDefinitions::dateLike,
      from -> from instanceof NullType || from instanceof TimestampNTZType ? DataTypes.TimestampType : null);

  /** date_add's day count: int; the smaller integers and text become int. */
  static final ArgumentType DAY_COUNT = new ArgumentType("(\"INT\" or \"SMALLINT\" or \"TINYINT\")",
      type -> type instanceof IntegerType,
      from -> from instanceof ByteType || from instanceof ShortType || from instanceof StringType
          || from instanceof NullType ? DataTypes.IntegerType : null);

  private static final List<FunctionContext> CONTEXT =
      List.of(FunctionContext.ANSI, FunctionContext.SESSION_TIME_ZONE);

  /**
   * Spark's nullability where it casts text to a date or timestamp: the cast may give null, so the
   * call is nullable even for a literal ({@code year('2024-01-31')}).
   */
  private static Nullability castsText(ArgumentType... declared) {
    return arguments -> {
      for (int i = 0; i < arguments.size(); i++) {
        Expression argument = arguments.get(i);
        boolean castToDateTime = i < declared.length && (declared[i] == DATE || declared[i] == TIMESTAMP);
        if (argument.nullable() || castToDateTime && argument.dataType() instanceof StringType) {
          return true;
        }
      }
      return false;
    };
  }

  private static ScalarFunction.Builder function(String name, DataType result, ArgumentType... arguments) {
    return ScalarFunction.builder(name).arguments(arguments).returns(result).nullability(castsText(arguments))
        .context(CONTEXT.toArray(new FunctionContext[0])).implementedBy(DateTimeFunctions.class);
  }

  /** A function of a pattern; text in its first argument is parsed with the pattern, not cast. */
  private static ScalarFunction.Builder patternFunction(String name, DataType result, ArgumentType... arguments) {
    return function(name, result, arguments).perKernelCache("newCache")
        .nullability(Nullability.ANY_ARGUMENT).implementedBy(DateTimeFormatFunctions.class, name);
  }

  private static ScalarFunction dateField(String name) {
    return function(name, DataTypes.IntegerType, DATE).build();
  }

  private static ScalarFunction timeField(String name) {
    return function(name, DataTypes.IntegerType, TIMESTAMP).build();
  }

  // Fields.
  public static final ScalarFunction YEAR = dateField("year");
  public static final ScalarFunction QUARTER = dateField("quarter");
  public static final ScalarFunction MONTH = dateField("month");
  public static final ScalarFunction DAY = dateField("day");
  public static final ScalarFunction DAYOFMONTH = dateField("dayofmonth");
  public static final ScalarFunction DAYOFWEEK = dateField("dayofweek");
  public static final ScalarFunction WEEKDAY = dateField("weekday");
  public static final ScalarFunction DAYOFYEAR = dateField("dayofyear");
  public static final ScalarFunction WEEKOFYEAR = dateField("weekofyear");
  public static final ScalarFunction HOUR = timeField("hour");
  public static final ScalarFunction MINUTE = timeField("minute");
  public static final ScalarFunction SECOND = timeField("second");

  // Conversions without a pattern: Spark's casts.
  public static final ScalarFunction TO_DATE = function("to_date", DataTypes.DateType, DATE).build();
  public static final ScalarFunction TO_TIMESTAMP =
      function("to_timestamp", DataTypes.TimestampType, TIMESTAMP).build();

  // Arithmetic.
  public static final ScalarFunction DATE_ADD = function("date_add", DataTypes.DateType, DATE, DAY_COUNT).build();
  public static final ScalarFunction DATE_SUB = function("date_sub", DataTypes.DateType, DATE, DAY_COUNT).build();
  public static final ScalarFunction ADD_MONTHS =
      function("add_months", DataTypes.DateType, DATE, ArgumentType.INT).build();
  public static final ScalarFunction DATEDIFF = function("datediff", DataTypes.IntegerType, DATE, DATE).build();
  public static final ScalarFunction MONTHS_BETWEEN = function("months_between", DataTypes.DoubleType,
      TIMESTAMP, TIMESTAMP, ArgumentType.BOOLEAN).defaults(Literal.TRUE).build();
  public static final ScalarFunction LAST_DAY = function("last_day", DataTypes.DateType, DATE).build();
  public static final ScalarFunction NEXT_DAY =
      function("next_day", DataTypes.DateType, DATE, ArgumentType.STRING).build();
  public static final ScalarFunction TRUNC = function("trunc", DataTypes.DateType, DATE, ArgumentType.STRING)
      .nullability(Nullability.ALWAYS).build();
  public static final ScalarFunction DATE_TRUNC = function("date_trunc", DataTypes.TimestampType,
      ArgumentType.STRING, TIMESTAMP).nullability(Nullability.ALWAYS).build();
  public static final ScalarFunction MAKE_DATE = function("make_date", DataTypes.DateType,
      ArgumentType.INT, ArgumentType.INT, ArgumentType.INT).build();

  // Epoch numbers.
  public static final ScalarFunction TIMESTAMP_SECONDS =
      function("timestamp_seconds", DataTypes.TimestampType, ArgumentType.LONG).build();
  public static final ScalarFunction TIMESTAMP_MILLIS =
      function("timestamp_millis", DataTypes.TimestampType, ArgumentType.LONG).build();
  public static final ScalarFunction TIMESTAMP_MICROS =
      function("timestamp_micros", DataTypes.TimestampType, ArgumentType.LONG).build();
  public static final ScalarFunction UNIX_SECONDS =
      function("unix_seconds", DataTypes.LongType, ArgumentType.exactly(DataTypes.TimestampType)).build();
  public static final ScalarFunction UNIX_MILLIS =
      function("unix_millis", DataTypes.LongType, ArgumentType.exactly(DataTypes.TimestampType)).build();
  public static final ScalarFunction UNIX_MICROS =
      function("unix_micros", DataTypes.LongType, ArgumentType.exactly(DataTypes.TimestampType)).build();
  /** The UTC wall-clock reading of a timestamp taken as a reading in the given zone, and back. */
  public static final ScalarFunction FROM_UTC_TIMESTAMP = function("from_utc_timestamp", DataTypes.TimestampType,
      ArgumentType.exactly(DataTypes.TimestampType), ArgumentType.STRING).build();
  public static final ScalarFunction TO_UTC_TIMESTAMP = function("to_utc_timestamp", DataTypes.TimestampType,
      ArgumentType.exactly(DataTypes.TimestampType), ArgumentType.STRING).build();
  public static final ScalarFunction UNIX_DATE =
      function("unix_date", DataTypes.IntegerType, ArgumentType.exactly(DataTypes.DateType)).build();
  public static final ScalarFunction DATE_FROM_UNIX_DATE =
      function("date_from_unix_date", DataTypes.DateType, ArgumentType.INT).build();

  // Patterns.
  private static final Literal DEFAULT_PATTERN_LITERAL = new Literal(DEFAULT_PATTERN, DataTypes.StringType);

  public static final ScalarFunction DATE_FORMAT =
      patternFunction("date_format", DataTypes.StringType, TIMESTAMP, ArgumentType.STRING)
          .nullability(castsText(TIMESTAMP)).build();
  public static final ScalarFunction FROM_UNIXTIME = patternFunction("from_unixtime", DataTypes.StringType,
      ArgumentType.LONG, ArgumentType.STRING).defaults(DEFAULT_PATTERN_LITERAL).nullability(Nullability.ALWAYS)
      .build();
  public static final ScalarFunction TO_DATE_WITH_PATTERN =
      patternFunction("to_date", DataTypes.DateType, DATE, ArgumentType.STRING).build();
  public static final ScalarFunction TO_TIMESTAMP_WITH_PATTERN =
      patternFunction("to_timestamp", DataTypes.TimestampType, TIMESTAMP, ArgumentType.STRING).build();
  public static final ScalarFunction UNIX_TIMESTAMP = patternFunction("unix_timestamp", DataTypes.LongType,
      TIMESTAMP, ArgumentType.STRING).defaults(DEFAULT_PATTERN_LITERAL).build();
  public static final ScalarFunction TO_UNIX_TIMESTAMP = UNIX_TIMESTAMP.toBuilder().name("to_unix_timestamp")
      .prettyName("to_unix_timestamp").build();

  // extract(field FROM source) and date_part(field, source), chosen by field in DateTimeFunctionBuilders.
  private static ScalarFunction.Builder extraction(String method, DataType result, ArgumentType source) {
    return function("extract", result, ArgumentType.STRING, source).foldable(0)
        .sql((name, arguments) -> "extract(" + fieldName(arguments.get(0)) + " FROM " + arguments.get(1).sql()
            + ")")
        .implementedBy(DateTimeFunctions.class, method);
  }

  private static String fieldName(Expression field) {
    return field instanceof Literal literal && literal.value() != null ? literal.value().toString() : field.sql();
  }

  /** A date or a timestamp, as they are: extraction has an implementation for each. */
  private static final ArgumentType DATE_OR_TIMESTAMP = new ArgumentType("(\"DATE\" or \"TIMESTAMP\")",
      type -> type instanceof DateType || type instanceof TimestampType,
      from -> from instanceof NullType || from instanceof TimestampNTZType ? DataTypes.TimestampType : null);

  /** A date field of a date. */
  public static final ScalarFunction EXTRACT_DATE_FIELD =
      extraction("extract_date_field", DataTypes.IntegerType, ArgumentType.exactly(DataTypes.DateType)).build();
  /** Any integer field of a timestamp, or a time field of a date (0 at the day's start). */
  public static final ScalarFunction EXTRACT_TIMESTAMP_FIELD =
      extraction("extract_timestamp_field", DataTypes.IntegerType, DATE_OR_TIMESTAMP).build();
  /** SECOND: seconds with the fraction, decimal(8,6). */
  public static final ScalarFunction EXTRACT_SECONDS =
      extraction("extract_seconds", DataTypes.createDecimalType(8, 6), DATE_OR_TIMESTAMP).build();

  /** The same extraction named as date_part(field, source). */
  public static ScalarFunction asDatePart(ScalarFunction extraction) {
    return extraction.toBuilder().name("date_part").prettyName("date_part").sql(ScalarFunction.SqlRendering.CALL)
        .build();
  }

  /** Registered by name; extract, date_part, current_date, current_timestamp and now are built elsewhere. */
  public static final List<ScalarFunction> ALL = List.of(
      YEAR, QUARTER, MONTH, DAY, DAYOFMONTH, DAYOFWEEK, WEEKDAY, DAYOFYEAR, WEEKOFYEAR, HOUR, MINUTE, SECOND,
      TO_DATE, TO_DATE_WITH_PATTERN, TO_TIMESTAMP, TO_TIMESTAMP_WITH_PATTERN, DATE_ADD, DATE_SUB, ADD_MONTHS,
      DATEDIFF, MONTHS_BETWEEN, LAST_DAY, NEXT_DAY, TRUNC, DATE_TRUNC, MAKE_DATE, TIMESTAMP_SECONDS,
      TIMESTAMP_MILLIS, TIMESTAMP_MICROS, UNIX_SECONDS, UNIX_MILLIS, UNIX_MICROS, UNIX_DATE, DATE_FROM_UNIX_DATE,
      DATE_FORMAT, FROM_UNIXTIME, UNIX_TIMESTAMP, TO_UNIX_TIMESTAMP, FROM_UTC_TIMESTAMP, TO_UTC_TIMESTAMP);
}
