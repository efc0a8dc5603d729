package dev.ember.runtime.io.parquet;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet file schemas as Spark types, for reading. Every column is nullable, as Spark reports for
 * files. Timestamps, adjusted to UTC or not, become Spark's {@code timestamp}: Ember has no
 * {@code timestamp_ntz} yet, so a local timestamp reads as if it were UTC (Spark shows it as
 * {@code timestamp_ntz}).
 */
public final class ParquetSchemas {
  private ParquetSchemas() {}

  /** The Spark schema of a file's top-level columns, nested ones included ({@link ParquetNestedSchemas}). */
  public static StructType toSpark(GroupType fileSchema, Path file) {
    List<StructField> fields = new ArrayList<>(fileSchema.getFieldCount());
    for (Type field : fileSchema.getFields()) {
      fields.add(DataTypes.createStructField(field.getName(), toSpark(field, file), true));
    }
    return StructType.of(fields);
  }

  /** The Spark type of one top-level column. */
  public static DataType toSpark(Type field, Path file) {
    if (ParquetNestedSchemas.isNested(field)) {
      return ParquetNestedSchemas.toSpark(field, file);
    }
    return primitiveToSpark(field.asPrimitiveType(), file);
  }

  /** The Spark type of a primitive column or nested leaf. */
  static DataType primitiveToSpark(PrimitiveType primitive, Path file) {
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> DataTypes.BooleanType;
      case FLOAT -> DataTypes.FloatType;
      case DOUBLE -> DataTypes.DoubleType;
      case INT96 -> DataTypes.TimestampType;
      case INT32 -> int32Type(primitive, logical, file);
      case INT64 -> int64Type(primitive, logical, file);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> binaryType(primitive, logical, file);
    };
  }

  private static DataType int32Type(PrimitiveType field, LogicalTypeAnnotation logical, Path file) {
    if (logical == null) {
      return DataTypes.IntegerType;
    } else if (logical instanceof IntLogicalTypeAnnotation integer) {
      int width = integer.getBitWidth();
      if (integer.isSigned()) {
        return width == 8 ? DataTypes.ByteType : width == 16 ? DataTypes.ShortType : DataTypes.IntegerType;
      }
      // Unsigned values need the next wider signed type, as in Spark.
      return width == 32 ? DataTypes.LongType : width == 16 ? DataTypes.IntegerType : DataTypes.ShortType;
    } else if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return DataTypes.DateType;
    } else if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return DataTypes.createDecimalType(decimal.getPrecision(), decimal.getScale());
    }
    throw notSupported(field, file, "the Parquet type " + describe(field));
  }

  private static DataType int64Type(PrimitiveType field, LogicalTypeAnnotation logical, Path file) {
    if (logical == null) {
      return DataTypes.LongType;
    } else if (logical instanceof IntLogicalTypeAnnotation integer && integer.isSigned()) {
      return DataTypes.LongType;
    } else if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return DataTypes.createDecimalType(decimal.getPrecision(), decimal.getScale());
    } else if (logical instanceof TimestampLogicalTypeAnnotation timestamp
        && timestamp.getUnit() != TimeUnit.NANOS) {
      // What pyarrow and pandas write for naive timestamps is wall-clock time, read as Spark does.
      return timestamp.isAdjustedToUTC() ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
    }
    throw notSupported(field, file, "the Parquet type " + describe(field));
  }

  private static DataType binaryType(PrimitiveType field, LogicalTypeAnnotation logical, Path file) {
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      if (decimal.getPrecision() > 38) {
        throw notSupported(field, file, "decimals wider than 38 digits");
      }
      return DataTypes.createDecimalType(decimal.getPrecision(), decimal.getScale());
    } else if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
      return DataTypes.StringType;
    } else if (logical == null) {
      return DataTypes.BinaryType;
    }
    throw notSupported(field, file, "the Parquet type " + describe(field));
  }

  static String describe(PrimitiveType field) {
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    return field.getPrimitiveTypeName() + (logical == null ? "" : " (" + logical + ")");
  }

  private static AnalysisException notSupported(Type field, Path file, String what) {
    String feature = what + " in Parquet files";
    return new AnalysisException("EMBER_NOT_YET_SUPPORTED", Map.of("feature", feature),
        "Ember does not support " + feature + " yet: column `" + field.getName() + "` of "
            + ParquetReadErrors.displayName(file) + " is " + field.toString().trim() + ". SQLSTATE: 0A000");
  }

  /**
   * Whether a file column of Spark type {@code fileType} can be read as {@code requested}: the same
   * type, or a wider one as Spark 4.2 allows (checked: an int8 column reads as int, an int32 as
   * bigint).
   */
  public static boolean canRead(DataType fileType, DataType requested) {
    if (fileType.equals(requested)) {
      return true;
    }
    // Spark reads wall-clock micros as UTC instants when asked for a timestamp; never the reverse.
    if (fileType.equals(DataTypes.TimestampNTZType) && requested.equals(DataTypes.TimestampType)) {
      return true;
    }
    // Same scale, more digits: the unscaled values are the same numbers (what mergeSchema produces).
    if (fileType instanceof dev.ember.sql.types.DecimalType fileDecimal
        && requested instanceof dev.ember.sql.types.DecimalType requestedDecimal
        && fileDecimal.scale() == requestedDecimal.scale() && requestedDecimal.precision() >= fileDecimal.precision()) {
      return true;
    }
    int fileRank = integerRank(fileType);
    int requestedRank = integerRank(requested);
    if (fileRank > 0 && requestedRank > fileRank) {
      return true;
    }
    return requested instanceof DoubleType && (fileType instanceof FloatType || (fileRank > 0 && fileRank <= 3));
  }

  private static int integerRank(DataType type) {
    if (type instanceof ByteType) {
      return 1;
    } else if (type instanceof ShortType) {
      return 2;
    } else if (type instanceof IntegerType) {
      return 3;
    } else if (type instanceof LongType) {
      return 4;
    }
    return 0;
  }

  /** The file column that Spark resolves {@code name} to: exact first, then ignoring case. */
  static int findField(GroupType fileSchema, String name) {
    if (fileSchema.containsField(name)) {
      return fileSchema.getFieldIndex(name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < fileSchema.getFieldCount(); i++) {
      if (fileSchema.getType(i).getName().toLowerCase(Locale.ROOT).equals(lower)) {
        return i;
      }
    }
    return -1;
  }
}
