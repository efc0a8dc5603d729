package dev.ember.planner.analysis;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StructType;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.CastRules;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;

/**
 * Rejects at analysis the casts Spark 4.2 does not define, with Spark's DATATYPE_MISMATCH subclass
 * (checked against Spark 4.2.0 for every pair of types): in ANSI mode CAST_WITH_FUNC_SUGGESTION where
 * Spark names functions that do the conversion (numbers to and from dates), then
 * CAST_WITH_CONF_SUGGESTION where the cast exists with ANSI off; CAST_WITHOUT_SUGGESTION otherwise.
 * A TRY_CAST follows ANSI's table whatever the session says and never suggests a setting.
 */
final class CastCheck {
  private CastCheck() {}

  private static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
  }

  static void check(Cast cast, boolean sessionAnsi, LogicalPlan operator) {
    DataType from = cast.child().dataType();
    DataType to = cast.dataType();
    boolean ansi = cast.nullOnError() || cast.ansi() && sessionAnsi;
    if (ansi ? CastRules.ansiAllows(from, to) : CastRules.legacyAllows(from, to)) {
      if (cast.userSpecified() && !from.equals(to) && (isNested(from) || isNested(to)) && !(from instanceof NullType)) {
        // Spark defines these (element-wise, or as text such as [1, 2]); Ember's kernels cannot run them yet.
        throw AnalysisErrors.notYetSupported("casts of arrays, maps and structs", cast.sql());
      }
      return;
    }
    if (ansi && from.isNumeric() && to instanceof DateType) {
      throw AnalysisErrors.castWithFunctionSuggestion(cast, from, to, "`DATE_FROM_UNIX_DATE`", operator);
    } else if (ansi && from instanceof DateType && to.isNumeric()) {
      throw AnalysisErrors.castWithFunctionSuggestion(cast, from, to, "`UNIX_DATE`", operator);
    } else if (ansi && !cast.nullOnError() && CastRules.legacyAllows(from, to)) {
      throw AnalysisErrors.castWithConfigurationSuggestion(cast, from, to, "\"spark.sql.ansi.enabled\"", "'false'",
          operator);
    }
    throw AnalysisErrors.castWithoutSuggestion(cast, from, to, operator);
  }
}
