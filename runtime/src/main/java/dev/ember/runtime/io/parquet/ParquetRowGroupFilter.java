package dev.ember.runtime.io.parquet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decides from a row group's column statistics (min, max, null count) that no row can match a
 * predicate. Conservative: whenever the statistics are missing or the literal has no exact form in
 * the column's storage, the row group is kept.
 */
final class ParquetRowGroupFilter {
  private ParquetRowGroupFilter() {}

  /** A predicate bound to the file column it tests. */
  record BoundPredicate(int fileColumn, ColumnPredicate predicate) {}

  /** True if statistics prove that no row of {@code rowGroup} satisfies every predicate. */
  static boolean canSkip(BlockMetaData rowGroup, List<BoundPredicate> predicates) {
    for (BoundPredicate bound : predicates) {
      ColumnChunkMetaData chunk = rowGroup.getColumns().get(bound.fileColumn());
      if (provesNoMatch(chunk, rowGroup.getRowCount(), bound.predicate())) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static boolean provesNoMatch(ColumnChunkMetaData chunk, long rowCount, ColumnPredicate predicate) {
    Statistics statistics = chunk.getStatistics();
    if (statistics == null || !statistics.isNumNullsSet()) {
      return false;
    }
    long nulls = statistics.getNumNulls();
    ColumnPredicate.Op op = predicate.op();
    if (op == ColumnPredicate.Op.IS_NULL) {
      return nulls == 0;
    }
    if (op == ColumnPredicate.Op.IS_NOT_NULL) {
      return nulls == rowCount;
    }
    if (nulls == rowCount) {
      return true; // a comparison with null is never true
    }
    if (statistics.isEmpty() || !statistics.hasNonNullValue()) {
      return false;
    }
    PrimitiveType type = chunk.getPrimitiveType();
    if (op == ColumnPredicate.Op.IN) {
      // No row matches when every value lies outside [min, max].
      for (Object value : predicate.acceptedValues()) {
        Comparable literal = toStorage(type, value);
        if (literal == null || (statistics.comparator().compare(literal, statistics.genericGetMin()) >= 0
            && statistics.comparator().compare(literal, statistics.genericGetMax()) <= 0)) {
          return false;
        }
      }
      return true;
    }
    Comparable literal = toStorage(type, predicate.literal());
    if (literal == null) {
      return false;
    }
    boolean floating = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT
        || type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.DOUBLE;
    if (floating && (op == ColumnPredicate.Op.GREATER_THAN || op == ColumnPredicate.Op.GREATER_THAN_OR_EQUAL)) {
      // NaN is above every number in Spark but not in Parquet statistics: a group may hold one.
      return false;
    }
    int literalVersusMin = statistics.comparator().compare(literal, statistics.genericGetMin());
    int literalVersusMax = statistics.comparator().compare(literal, statistics.genericGetMax());
    return switch (op) {
      case EQUAL -> literalVersusMin < 0 || literalVersusMax > 0;
      case LESS_THAN -> literalVersusMin <= 0;
      case LESS_THAN_OR_EQUAL -> literalVersusMin < 0;
      case GREATER_THAN -> literalVersusMax >= 0;
      case GREATER_THAN_OR_EQUAL -> literalVersusMax > 0;
      default -> false;
    };
  }

  /** The literal in the column's storage form, or null if it has no exact one (then never skip). */
  static Comparable<?> toStorage(PrimitiveType type, Object literal) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return decimalToStorage(type, decimal, literal);
    }
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> literal instanceof Boolean value ? value : null;
      case INT32 -> {
        if (literal instanceof LocalDate date) {
          yield Math.toIntExact(date.toEpochDay());
        }
        yield literal instanceof Integer || literal instanceof Short || literal instanceof Byte
            ? ((Number) literal).intValue() : null;
      }
      case INT64 -> {
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp
            && timestamp.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS) {
          yield null;
        }
        yield literal instanceof Long || literal instanceof Integer ? ((Number) literal).longValue() : null;
      }
      case FLOAT -> literal instanceof Float value && !value.isNaN() ? value : null;
      case DOUBLE -> literal instanceof Double value && !value.isNaN() ? value : null;
      case BINARY -> literal instanceof String text
          ? Binary.fromString(text)
          : literal instanceof byte[] bytes ? Binary.fromConstantByteArray(bytes) : null;
      default -> null;
    };
  }

  private static Comparable<?> decimalToStorage(PrimitiveType type, DecimalLogicalTypeAnnotation decimal, Object literal) {
    if (!(literal instanceof BigDecimal value)) {
      return null;
    }
    BigDecimal scaled;
    try {
      scaled = value.setScale(decimal.getScale());
    } catch (ArithmeticException inexact) {
      return null;
    }
    return switch (type.getPrimitiveTypeName()) {
      case INT32 -> scaled.unscaledValue().bitLength() < 32 ? scaled.unscaledValue().intValue() : null;
      case INT64 -> scaled.unscaledValue().bitLength() < 64 ? scaled.unscaledValue().longValue() : null;
      default -> null;
    };
  }
}
