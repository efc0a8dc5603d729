package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.DateTimeFunctionDefinitions;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.runtime.functions.DateTimeFunctions;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import dev.ember.planner.functions.IntervalFunctionDefinitions;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.TimestampType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The date and time functions that are not one fixed definition: current_date, current_timestamp and
 * now, whose moment {@link ComputeCurrentTime} fixes once per analysis, so every such call of a query
 * sees the same moment, as in Spark; unix_timestamp without
 * arguments, which is {@code unix_timestamp(current_timestamp(), 'yyyy-MM-dd HH:mm:ss')}; and
 * extract and date_part, whose result type depends on the field.
 */
final class DateTimeFunctionBuilders {
  private DateTimeFunctionBuilders() {}

  static Map<String, FunctionBuilder> all() {
    Map<String, FunctionBuilder> builders = new java.util.LinkedHashMap<>();
    builders.put("current_timestamp", withoutArguments(DateTimeFunctionBuilders::currentTimestamp));
    builders.put("now", withoutArguments(name -> new ReplacedCall("now", List.of(), UNFIXED_MOMENT)));
    builders.put("current_date", withoutArguments(name -> currentDate(UNFIXED_MOMENT)));
    ScalarFunctionBuilder unixTimestamp = new ScalarFunctionBuilder(List.of(DateTimeFunctionDefinitions.UNIX_TIMESTAMP));
    builders.put("unix_timestamp", (name, arguments, distinct) -> arguments.isEmpty()
        ? new ScalarFunctionCall(DateTimeFunctionDefinitions.UNIX_TIMESTAMP, List.of(currentTimestamp(name),
            new Literal(DateTimeFunctionDefinitions.DEFAULT_PATTERN, DataTypes.StringType)))
        : unixTimestamp.build(name, arguments, distinct));
    builders.put("extract", extraction(false));
    builders.put("date_part", extraction(true));
    return builders;
  }

  /** The moment of a current-time call before {@link ComputeCurrentTime} fixes it. */
  private static final Literal UNFIXED_MOMENT = Literal.nullOf(DataTypes.TimestampType);

  private static Expression currentTimestamp(String name) {
    return new ReplacedCall("current_timestamp", List.of(), UNFIXED_MOMENT);
  }

  /** The day of {@code moment} in the session time zone, known when the kernel runs. */
  private static ReplacedCall currentDate(Literal moment) {
    return new ReplacedCall("current_date", List.of(),
        new ScalarFunctionCall(DateTimeFunctionDefinitions.TO_DATE, List.of(moment)));
  }

  /** True for a current_date, current_timestamp or now call whose moment is not fixed yet. */
  static boolean isUnfixedCurrentTime(ReplacedCall call) {
    return call.replacement() == UNFIXED_MOMENT
        || call.replacement() instanceof ScalarFunctionCall toDate && toDate.arguments().get(0) == UNFIXED_MOMENT;
  }

  /** The call with its moment fixed to {@code micros}. */
  static ReplacedCall fixed(ReplacedCall call, long micros) {
    Literal moment = new Literal(micros, DataTypes.TimestampType);
    return call.prettyName().equals("current_date") ? currentDate(moment)
        : new ReplacedCall(call.prettyName(), List.of(), moment);
  }

  /** This moment in microseconds since the epoch. */
  static long nowMicros() {
    Instant instant = Instant.now();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  private static FunctionBuilder withoutArguments(java.util.function.Function<String, Expression> build) {
    return (name, arguments, distinct) -> {
      if (!arguments.isEmpty()) {
        throw AnalysisErrors.wrongNumberOfArguments(name.toLowerCase(Locale.ROOT), 0, arguments.size());
      }
      return build.apply(name);
    };
  }

  /**
   * {@code extract(field FROM source)} (the parser passes the field as a string) or
   * {@code date_part('field', source)}: an int, or decimal(8,6) for SECOND.
   */
  private static FunctionBuilder extraction(boolean datePart) {
    return (name, arguments, distinct) -> {
      if (arguments.size() != 2) {
        throw AnalysisErrors.wrongNumberOfArguments(name.toLowerCase(Locale.ROOT), 2, arguments.size());
      }
      Expression field = arguments.get(0);
      Expression source = arguments.get(1);
      String fieldText = field instanceof Literal literal && literal.value() instanceof String text ? text : null;
      String canonical = fieldText == null ? null : DateTimeFunctions.canonicalField(fieldText);
      if (source.dataType() instanceof DayTimeIntervalType || source.dataType() instanceof YearMonthIntervalType) {
        ScalarFunction interval = canonical == null ? null
            : IntervalFunctionDefinitions.extractionOf(canonical, source.dataType());
        if (interval == null) {
          throw invalidField(fieldText == null ? field.sql() : fieldText, source);
        }
        return new ScalarFunctionCall(datePart ? DateTimeFunctionDefinitions.asDatePart(interval) : interval,
            arguments);
      }
      boolean date = source.dataType() instanceof DateType;
      if (canonical == null || !(date || source.dataType() instanceof TimestampType)) {
        throw invalidField(fieldText == null ? field.sql() : fieldText, source);
      }
      boolean timeField = canonical.equals("HOUR") || canonical.equals("MINUTE") || canonical.equals("SECOND");
      ScalarFunction definition = canonical.equals("SECOND") ? DateTimeFunctionDefinitions.EXTRACT_SECONDS
          : date && !timeField ? DateTimeFunctionDefinitions.EXTRACT_DATE_FIELD
          : DateTimeFunctionDefinitions.EXTRACT_TIMESTAMP_FIELD;
      if (datePart) {
        definition = DateTimeFunctionDefinitions.asDatePart(definition);
      }
      return new ScalarFunctionCall(definition, arguments);
    };
  }

  private static AnalysisException invalidField(String field, Expression source) {
    String quotedSource = "\"" + source.sql() + "\"";
    return new AnalysisException("INVALID_EXTRACT_FIELD", Map.of("field", "`" + field + "`", "expr", quotedSource),
        "Cannot extract `" + field + "` from " + quotedSource + ". SQLSTATE: 42601");
  }
}
