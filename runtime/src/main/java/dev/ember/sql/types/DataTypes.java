package dev.ember.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Spark's Java entry point to data types: singletons and factories. */
public final class DataTypes {
  public static final DataType BooleanType = dev.ember.sql.types.BooleanType.INSTANCE;
  public static final DataType ByteType = dev.ember.sql.types.ByteType.INSTANCE;
  public static final DataType ShortType = dev.ember.sql.types.ShortType.INSTANCE;
  public static final DataType IntegerType = dev.ember.sql.types.IntegerType.INSTANCE;
  public static final DataType LongType = dev.ember.sql.types.LongType.INSTANCE;
  public static final DataType FloatType = dev.ember.sql.types.FloatType.INSTANCE;
  public static final DataType DoubleType = dev.ember.sql.types.DoubleType.INSTANCE;
  public static final DataType StringType = dev.ember.sql.types.StringType.INSTANCE;
  public static final DataType BinaryType = dev.ember.sql.types.BinaryType.INSTANCE;
  public static final DataType DateType = dev.ember.sql.types.DateType.INSTANCE;
  public static final DataType TimestampType = dev.ember.sql.types.TimestampType.INSTANCE;
  public static final DataType NullType = dev.ember.sql.types.NullType.INSTANCE;

  private DataTypes() {}

  public static DecimalType createDecimalType(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  public static DecimalType createDecimalType() {
    return DecimalType.USER_DEFAULT;
  }

  public static StructField createStructField(String name, DataType dataType, boolean nullable) {
    return new StructField(name, dataType, nullable);
  }

  public static StructType createStructType(List<StructField> fields) {
    return StructType.of(fields);
  }

  public static StructType createStructType(StructField[] fields) {
    return new StructType(fields);
  }

  /** Resolves a DDL type name as Spark's parser does: {@code int}, {@code BIGINT}, {@code decimal(10,2)} … */
  public static DataType fromDdlType(String text) {
    String type = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    switch (type) {
      case "boolean":
        return BooleanType;
      case "tinyint":
      case "byte":
        return ByteType;
      case "smallint":
      case "short":
        return ShortType;
      case "int":
      case "integer":
        return IntegerType;
      case "bigint":
      case "long":
        return LongType;
      case "float":
      case "real":
        return FloatType;
      case "double":
        return DoubleType;
      case "string":
        return StringType;
      case "binary":
        return BinaryType;
      case "date":
        return DateType;
      case "timestamp":
        return TimestampType;
      case "void":
        return NullType;
      case "decimal":
      case "dec":
      case "numeric":
        return DecimalType.USER_DEFAULT;
      default:
        break;
    }
    if (type.matches("(decimal|dec|numeric)\\(\\d+(,\\d+)?\\)")) {
      String inside = type.substring(type.indexOf('(') + 1, type.length() - 1);
      String[] parts = inside.split(",");
      int precision = Integer.parseInt(parts[0]);
      int scale = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return new DecimalType(precision, scale);
    }
    if (type.matches("(var)?char\\(\\d+\\)")) {
      return StringType;
    }
    throw new IllegalArgumentException(
        "[UNSUPPORTED_DATATYPE] Unsupported data type \"" + text.trim().toUpperCase(Locale.ROOT) + "\".");
  }

  /**
   * Parses a DDL schema such as {@code "name STRING, age INT NOT NULL, `odd name` DECIMAL(10, 2)"}.
   * Commas inside parentheses belong to the type.
   */
  public static StructType fromDdlSchema(String ddl) {
    List<StructField> fields = new ArrayList<>();
    for (String column : splitTopLevel(ddl)) {
      String trimmed = column.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String name;
      String rest;
      if (trimmed.startsWith("`")) {
        int end = trimmed.indexOf('`', 1);
        while (end >= 0 && end + 1 < trimmed.length() && trimmed.charAt(end + 1) == '`') {
          end = trimmed.indexOf('`', end + 2);
        }
        if (end < 0) {
          throw new IllegalArgumentException("[PARSE_SYNTAX_ERROR] Unclosed back-quote in schema: " + ddl);
        }
        name = trimmed.substring(1, end).replace("``", "`");
        rest = trimmed.substring(end + 1).trim();
      } else {
        int space = indexOfWhitespaceOrColon(trimmed);
        if (space < 0) {
          throw new IllegalArgumentException(
              "[PARSE_SYNTAX_ERROR] Syntax error in schema: column `" + trimmed + "` has no type.");
        }
        name = trimmed.substring(0, space);
        rest = trimmed.substring(space).trim();
      }
      if (rest.startsWith(":")) {
        rest = rest.substring(1).trim();
      }
      boolean nullable = true;
      String upper = rest.toUpperCase(Locale.ROOT);
      if (upper.endsWith("NOT NULL")) {
        nullable = false;
        rest = rest.substring(0, rest.length() - "NOT NULL".length()).trim();
      }
      fields.add(new StructField(name, fromDdlType(rest), nullable));
    }
    return StructType.of(fields);
  }

  private static int indexOfWhitespaceOrColon(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ':') {
        return i;
      }
    }
    return -1;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
