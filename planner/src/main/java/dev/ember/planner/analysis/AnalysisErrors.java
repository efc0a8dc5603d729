package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spark 4.2's analysis errors, with its conditions, message parameters and text, as observed by
 * running Spark. Like Spark's, {@code getMessage()} ends with {@code SQLSTATE: xxxxx}; errors found
 * while checking an operator add {@code ;} and that operator's subtree on the following lines.
 */
final class AnalysisErrors {
  private static final String FUNCTION_DOCUMENTATION = "https://spark.apache.org/docs/latest";
  private static final String SEARCH_PATH = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";
  private static final String BINARY_ARITHMETIC_INPUT =
      "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")";

  private AnalysisErrors() {}

  static AnalysisException unresolvedColumn(String name, List<String> candidateNames, LogicalPlan plan) {
    return unresolvedColumnAmong(name, candidateNames.stream().map(Identifiers::quote).toList(), plan);
  }

  /** As {@link #unresolvedColumn}, with the candidates quoted already, some qualified: {@code `t`.`id`}. */
  static AnalysisException unresolvedColumnAmong(String name, List<String> quotedCandidates, LogicalPlan plan) {
    // Spark quotes each part of a dotted name: `t`.`nope`.
    String quoted = NameParts.quote(NameParts.split(name));
    String text = "A column, variable, or function parameter with name " + quoted + " cannot be resolved.";
    if (quotedCandidates.isEmpty()) {
      // Spark's template ends with a space where the suggestion would go, hence two spaces.
      return withPlan("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", Map.of("objectName", quoted), text + " ", "42703", plan);
    }
    String proposal = String.join(", ", NameSuggestions.rankQuoted(name, quotedCandidates));
    return withPlan("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName", quoted, "proposal", proposal),
        text + " Did you mean one of the following? [" + proposal + "].", "42703", plan);
  }

  /** Spark lists the matching columns by the name the user asked for, once per match. */
  static AnalysisException ambiguousReference(String name, int matches) {
    String quoted = Identifiers.quote(name);
    String references = Collections.nCopies(matches, quoted).stream().collect(Collectors.joining(", ", "[", "]"));
    return withoutPlan("AMBIGUOUS_REFERENCE", Map.of("name", quoted, "referenceNames", references),
        "Reference " + quoted + " is ambiguous, could be: " + references + ".", "42704");
  }

  /** An ambiguous name whose matches Spark lists by their (qualified) names, e.g. {@code `a`.`id`}. */
  static AnalysisException ambiguousReference(String name, List<String> quotedMatches) {
    String quoted = Identifiers.quote(name);
    String references = String.join(", ", quotedMatches);
    return withoutPlan("AMBIGUOUS_REFERENCE", Map.of("name", quoted, "referenceNames", "[" + references + "]"),
        "Reference " + quoted + " is ambiguous, could be: [" + references + "].", "42704");
  }

  static AnalysisException unresolvedUsingColumn(String name, String side, List<String> sideColumns) {
    String quoted = Identifiers.quote(name);
    String suggestion = sideColumns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    return withoutPlan("UNRESOLVED_USING_COLUMN_FOR_JOIN",
        Map.of("colName", quoted, "side", side, "suggestion", suggestion),
        "USING column " + quoted + " cannot be resolved on the " + side + " side of the join. The " + side
            + "-side columns: [" + suggestion + "].", "42703");
  }

  static AnalysisException unresolvedRoutine(String name) {
    String quoted = Identifiers.quote(name);
    return withoutPlan("UNRESOLVED_ROUTINE", Map.of("routineName", quoted, "searchPath", SEARCH_PATH),
        "Cannot resolve routine " + quoted + " on search path " + SEARCH_PATH + ".", "42883");
  }

  static AnalysisException wrongNumberOfArguments(String function, int expected, int actual) {
    return wrongNumberOfArguments(function, Integer.toString(expected), actual);
  }

  /** {@code expected} is Spark's rendering: {@code 1}, {@code [1, 2]} or {@code > 0}. */
  static AnalysisException wrongNumberOfArguments(String function, String expected, int actual) {
    String quoted = Identifiers.quote(function);
    return withoutPlan("WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
        Map.of("functionName", quoted, "expectedNum", expected, "actualNum",
            Integer.toString(actual), "docroot", FUNCTION_DOCUMENTATION),
        "The " + quoted + " requires " + expected + " parameters but the actual number is " + actual
            + ". Please, refer to '" + FUNCTION_DOCUMENTATION + "/sql-ref-functions.html' for a fix.", "42605");
  }

  /** {@code count()}: Spark allows it only under a legacy flag, and says so. */
  static AnalysisException countWithoutArguments(String function) {
    String quoted = Identifiers.quote(function);
    return withoutPlan("WRONG_NUM_ARGS.WITH_SUGGESTION",
        Map.of("functionName", quoted, "expectedNum", " >= 1", "actualNum", "0",
            "legacyConfKey", "\"spark.sql.legacy.allowParameterlessCount\"", "legacyConfValue", "\"true\"",
            "legacyNum", "0"),
        "The " + quoted + " requires  >= 1 parameters but the actual number is 0. If you have to call this function"
            + " with 0 parameters, set the legacy configuration \"spark.sql.legacy.allowParameterlessCount\" to"
            + " \"true\".", "42605");
  }

  /**
   * A Spark feature Ember does not have yet. The condition is Ember's own, so nobody mistakes it for
   * Spark's behaviour; the message names the feature and the call.
   */
  static AnalysisException notYetSupported(String feature, String call) {
    return withoutPlan("EMBER_NOT_YET_SUPPORTED", Map.of("feature", feature, "call", call),
        "Ember does not support " + feature + " yet: " + call + ".", "0A000");
  }

  static AnalysisException binaryOperandsDiffer(Expression expression, DataType left, DataType right,
      LogicalPlan plan) {
    return dataTypeMismatch("BINARY_OP_DIFF_TYPES", expression,
        Map.of("left", Identifiers.quoteType(left), "right", Identifiers.quoteType(right)),
        "the left and right operands of the binary operator have incompatible types (" + Identifiers.quoteType(left)
            + " and " + Identifiers.quoteType(right) + ").", plan);
  }

  /** {@code requiredTypes} is Spark's rendering, e.g. {@code "BOOLEAN"} or {@code ("DOUBLE" or "DECIMAL")}. */
  static AnalysisException binaryOperandWrongType(Expression expression, String requiredTypes, DataType actual,
      LogicalPlan plan) {
    return dataTypeMismatch("BINARY_OP_WRONG_TYPE", expression,
        Map.of("inputType", requiredTypes, "actualDataType", Identifiers.quoteType(actual)),
        "the binary operator requires the input type " + requiredTypes + ", not " + Identifiers.quoteType(actual)
            + ".", plan);
  }

  static String binaryArithmeticInput() {
    return BINARY_ARITHMETIC_INPUT;
  }

  /** The first (only) parameter of {@code expression} has a type outside {@code requiredTypes}. */
  static AnalysisException unexpectedInputType(Expression expression, Expression input, String requiredTypes,
      LogicalPlan plan) {
    return unexpectedInputType(expression, 0, input, requiredTypes, plan);
  }

  private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
      "eighth", "ninth", "tenth"};

  /** Parameter {@code index} (0-based) of {@code expression} has a type outside {@code requiredTypes}. */
  static AnalysisException unexpectedInputType(Expression expression, int index, Expression input,
      String requiredTypes, LogicalPlan plan) {
    String inputType = Identifiers.quoteType(input.dataType());
    String ordinal = index < ORDINALS.length ? ORDINALS[index] : (index + 1) + "th";
    return dataTypeMismatch("UNEXPECTED_INPUT_TYPE", expression,
        Map.of("paramIndex", ordinal, "requiredType", requiredTypes, "inputSql", Identifiers.quoteExpression(input),
            "inputType", inputType),
        "The " + ordinal + " parameter requires the " + requiredTypes + " type, however "
            + Identifiers.quoteExpression(input) + " has the type " + inputType + ".", plan);
  }

  /**
   * Arguments of a conditional or greatest/least that have no common type. Spark lists the types as
   * {@code ("INT" or "BOOLEAN")} for coalesce and {@code ["INT", "BOOLEAN"]} for the others.
   */
  static AnalysisException dataDiffTypes(Expression expression, String functionName, List<DataType> types,
      boolean listedWithOr, LogicalPlan plan) {
    List<String> quoted = types.stream().map(Identifiers::quoteType).toList();
    String list = listedWithOr ? "(" + String.join(" or ", quoted) + ")" : "[" + String.join(", ", quoted) + "]";
    return dataTypeMismatch("DATA_DIFF_TYPES", expression,
        Map.of("functionName", Identifiers.quote(functionName), "dataType", list),
        "Input to " + Identifiers.quote(functionName) + " should all be the same type, but it's " + list + ".", plan);
  }

  /** A cast Spark does not define between the two types, e.g. an interval to a double. */
  static AnalysisException castWithoutSuggestion(Expression cast, DataType from, DataType to, LogicalPlan plan) {
    String source = Identifiers.quoteType(from);
    String target = Identifiers.quoteType(to);
    return dataTypeMismatch("CAST_WITHOUT_SUGGESTION", cast, Map.of("srcType", source, "targetType", target),
        "cannot cast " + source + " to " + target + ".", plan);
  }

  /** A cast ANSI mode rejects that exists with ANSI off: Spark suggests the setting that allows it. */
  static AnalysisException castWithConfigurationSuggestion(Expression cast, DataType from, DataType to, String config,
      String configValue, LogicalPlan plan) {
    String source = Identifiers.quoteType(from);
    String target = Identifiers.quoteType(to);
    return dataTypeMismatch("CAST_WITH_CONF_SUGGESTION", cast,
        Map.of("srcType", source, "targetType", target, "config", config, "configVal", configValue),
        "cannot cast " + source + " to " + target + " with ANSI mode on.\nIf you have to cast " + source + " to "
            + target + ", you can set " + config + " as " + configValue + ".", plan);
  }

  /** A cast ANSI rejects for which Spark names a function to use instead: a number to a date and back. */
  static AnalysisException castWithFunctionSuggestion(Expression cast, DataType from, DataType to, String functions,
      LogicalPlan plan) {
    String source = Identifiers.quoteType(from);
    String target = Identifiers.quoteType(to);
    return dataTypeMismatch("CAST_WITH_FUNC_SUGGESTION", cast,
        Map.of("srcType", source, "targetType", target, "functionNames", functions),
        "cannot cast " + source + " to " + target + ".\nTo convert values from " + source + " to " + target
            + ", you can use the functions " + functions + " instead.", plan);
  }

  /** An argument that must be a constant is not, e.g. round's scale. */
  static AnalysisException nonFoldableInput(Expression expression, String inputName, DataType type,
      Expression input, LogicalPlan plan) {
    String quotedType = Identifiers.quoteType(type);
    return dataTypeMismatch("NON_FOLDABLE_INPUT", expression,
        Map.of("inputName", Identifiers.quote(inputName), "inputType", quotedType,
            "inputExpr", Identifiers.quoteExpression(input)),
        "the input " + Identifiers.quote(inputName) + " should be a foldable " + quotedType
            + " expression; however, got " + Identifiers.quoteExpression(input) + ".", plan);
  }

  static AnalysisException filterNotBoolean(Expression condition, LogicalPlan plan) {
    String type = Identifiers.quoteType(condition.dataType());
    return dataTypeMismatch("FILTER_NOT_BOOLEAN", condition,
        Map.of("filter", Identifiers.quoteExpression(condition), "type", type),
        "Filter expression " + Identifiers.quoteExpression(condition) + " of type " + type + " is not a boolean.",
        plan);
  }

  private static AnalysisException dataTypeMismatch(String subCondition, Expression expression,
      Map<String, String> parameters, String detail, LogicalPlan plan) {
    Map<String, String> all = new java.util.HashMap<>(parameters);
    all.put("sqlExpr", Identifiers.quoteExpression(expression));
    return withPlan("DATATYPE_MISMATCH." + subCondition, all,
        "Cannot resolve " + Identifiers.quoteExpression(expression) + " due to data type mismatch: " + detail,
        "42K09", plan);
  }

  static AnalysisException missingAggregation(Expression nonAggregated, LogicalPlan plan) {
    String expression = Identifiers.quoteExpression(nonAggregated);
    String anyValue = "\"any_value(" + Identifiers.sql(nonAggregated) + ")\"";
    return withPlan("MISSING_AGGREGATION", Map.of("expression", expression, "expressionAnyValue", anyValue),
        "The non-aggregating expression " + expression + " is based on columns which are not participating in"
            + " the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the expression,"
            + " or use " + anyValue + " if you do not care which of the values within a group is returned.",
        "42803", plan);
  }

  static AnalysisException missingGroupBy(LogicalPlan plan) {
    return withPlan("MISSING_GROUP_BY", Map.of(),
        "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using"
            + " OVER clauses.", "42803", plan);
  }

  static AnalysisException invalidWhereCondition(Expression condition, List<Expression> aggregates,
      LogicalPlan plan) {
    String list = aggregates.stream().map(Identifiers::sql).collect(Collectors.joining(", "));
    return withPlan("INVALID_WHERE_CONDITION",
        Map.of("condition", Identifiers.quoteExpression(condition), "expressionList", list),
        "The WHERE condition " + Identifiers.quoteExpression(condition) + " contains invalid expressions: " + list
            + ".\nRewrite the query to avoid window functions, aggregate functions, and generator functions in the"
            + " WHERE clause.", "42903", plan);
  }

  static AnalysisException aggregateInGroupBy(Expression aggregate, LogicalPlan plan) {
    String sql = Identifiers.sql(aggregate);
    return withPlan("GROUP_BY_AGGREGATE", Map.of("sqlExpr", sql),
        "Aggregate functions are not allowed in GROUP BY, but found " + sql + ".", "42903", plan);
  }

  static AnalysisException nestedAggregate(LogicalPlan plan) {
    return withPlan("NESTED_AGGREGATE_FUNCTION", Map.of(),
        "It is not allowed to use an aggregate function in the argument of another aggregate function. Please use"
            + " the inner aggregate function in a sub-query.", "42607", plan);
  }

  static AnalysisException unsupportedExpressionsForOperator(List<Expression> expressions, LogicalPlan plan) {
    String list = expressions.stream().map(Identifiers::quoteExpression).collect(Collectors.joining(", "));
    return withPlan("UNSUPPORTED_EXPR_FOR_OPERATOR", Map.of("invalidExprSqls", list),
        "A query operator contains one or more unsupported expressions.\nConsider to rewrite it to avoid window"
            + " functions, aggregate functions, and generator functions in the WHERE clause.\nInvalid expressions: ["
            + list + "]", "42K0E", plan);
  }

  /** {@code s.nope} or {@code getField("nope")} on a struct without that field. */
  static AnalysisException fieldNotFound(String field, List<String> fieldNames) {
    String quoted = Identifiers.quote(field);
    String fields = fieldNames.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    return withoutPlan("FIELD_NOT_FOUND", Map.of("fieldName", quoted, "fields", fields),
        "No such struct field " + quoted + " in " + fields + ".", "42704");
  }

  /** {@code n[0]} or {@code n.x} on a value that is no struct, array or map. */
  static AnalysisException invalidExtractBase(Expression base) {
    String quotedBase = Identifiers.quoteExpression(base);
    String type = Identifiers.quoteType(base.dataType());
    return withoutPlan("INVALID_EXTRACT_BASE_FIELD_TYPE", Map.of("base", quotedBase, "other", type),
        "Can't extract a value from " + quotedBase + ". Need a complex type [STRUCT, ARRAY, MAP] but got " + type
            + ".", "42000");
  }

  /** {@code u.*} where u is neither a table alias nor a column. Spark lists the input columns sorted. */
  static AnalysisException cannotResolveStarExpand(List<String> targetParts, List<String> inputColumns) {
    String target = NameParts.quote(targetParts);
    String columns = inputColumns.stream().sorted().map(Identifiers::quote).collect(Collectors.joining(", "));
    return withoutPlan("CANNOT_RESOLVE_STAR_EXPAND", Map.of("targetString", target, "columns", columns),
        "Cannot resolve " + target + ".* given input columns " + columns + ". Please check that the specified table"
            + " or struct exists and is accessible in the input columns.", "42704");
  }

  /** {@code n.*} where n is a column but no struct: Spark's legacy condition, with a Scala list. */
  static AnalysisException starExpandOfNonStruct(List<String> targetParts) {
    String attributes = "List(" + String.join(", ", targetParts) + ")";
    return new LegacyAnalysisException("_LEGACY_ERROR_TEMP_1050", Map.of("attributes", attributes),
        "Can only star expand struct data types. Attribute: `" + attributes + "`.");
  }

  /** Spark's legacy errors print their message alone, without the {@code [CONDITION]} prefix. */
  private static final class LegacyAnalysisException extends AnalysisException {
    private static final long serialVersionUID = 1L;
    private final String message;

    LegacyAnalysisException(String condition, Map<String, String> parameters, String message) {
      super(condition, parameters, message);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }

  /**
   * A star left where it cannot be expanded. Spark 4.2's DataFrame API reports this case through
   * whichever function received the star; this is Spark's SQL condition for it.
   */
  static AnalysisException invalidStar(LogicalPlan plan) {
    String operator = plan.getClass().getSimpleName();
    return withPlan("INVALID_USAGE_OF_STAR_OR_REGEX", Map.of("elem", "'*'", "prettyName", operator),
        "Invalid usage of '*' in " + operator + ".", "42000", plan);
  }

  /** {@code operator} is Spark's upper-case name of the set operation: UNION, INTERSECT, EXCEPT. */
  static AnalysisException setOperationColumnCount(String operator, int firstColumns, int inputIndex,
      int inputColumns, LogicalPlan plan) {
    String ordinal = ordinal(inputIndex);
    return withPlan("NUM_COLUMNS_MISMATCH",
        Map.of("operator", operator, "firstNumColumns", Integer.toString(firstColumns), "invalidOrdinalNum", ordinal,
            "invalidNumColumns", Integer.toString(inputColumns)),
        operator + " can only be performed on inputs with the same number of columns, but the first input has "
            + firstColumns + " columns and the " + ordinal + " input has " + inputColumns + " columns.", "42826", plan);
  }

  /** Spark's template ends with a period after an empty hint, hence the two periods. */
  static AnalysisException setOperationColumnType(String operator, int column, int table, DataType actual,
      DataType expected, LogicalPlan plan) {
    String columnOrdinal = ordinal(column);
    String tableOrdinal = ordinal(table);
    String actualType = Identifiers.quoteType(actual);
    String expectedType = Identifiers.quoteType(expected);
    return withPlan("INCOMPATIBLE_COLUMN_TYPE",
        Map.of("operator", operator, "columnOrdinalNumber", columnOrdinal, "tableOrdinalNumber", tableOrdinal,
            "dataType1", actualType, "dataType2", expectedType, "hint", ""),
        operator + " can only be performed on tables with compatible column types. The " + columnOrdinal
            + " column of the " + tableOrdinal + " table is " + actualType + " type which is not compatible with "
            + expectedType + " at the same column of the first table..", "42825", plan);
  }

  /** Spark's ordinal words for positions counted from 0: first, second, third, then 4th, 5th ... */
  private static String ordinal(int index) {
    return switch (index) {
      case 0 -> "first";
      case 1 -> "second";
      case 2 -> "third";
      default -> (index + 1) + "th";
    };
  }

  private static AnalysisException withPlan(String condition, Map<String, String> parameters, String text,
      String sqlState, LogicalPlan plan) {
    return new AnalysisException(condition, parameters, text + " SQLSTATE: " + sqlState + ";\n" + plan.treeString());
  }

  private static AnalysisException withoutPlan(String condition, Map<String, String> parameters, String text,
      String sqlState) {
    return new AnalysisException(condition, parameters, text + " SQLSTATE: " + sqlState);
  }
}
