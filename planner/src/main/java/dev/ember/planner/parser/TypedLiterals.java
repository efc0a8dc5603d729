package dev.ember.planner.parser;

import dev.ember.planner.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code DATE '2024-01-15'}, {@code TIMESTAMP '2024-01-15 10:20:30'}, {@code X'0AFF'}: a type word then a string. */
final class TypedLiterals {
  private TypedLiterals() {}

  /** The literal for {@code typeWord} followed by {@code string}; both tokens have been consumed. */
  static Literal of(Token typeWord, Token string, TokenCursor tokens) {
    String type = typeWord.value().toUpperCase(Locale.ROOT);
    String value = string.value();
    switch (type) {
      case "DATE":
        return new Literal(
            DatetimeLiterals.parseDate(value).orElseThrow(() -> invalid(typeWord, value, tokens)),
            DataTypes.DateType);
      case "TIMESTAMP":
      case "TIMESTAMP_LTZ":
        return new Literal(
            DatetimeLiterals.parseTimestamp(value, tokens.sessionZone())
                .orElseThrow(() -> invalid(typeWord, value, tokens)),
            DataTypes.TimestampType, tokens.sessionZone());
      case "TIMESTAMP_NTZ":
        return new Literal(
            DatetimeLiterals.parseWallClock(value).orElseThrow(() -> invalid(typeWord, value, tokens)),
            DataTypes.TimestampNTZType);
      case "X":
        return new Literal(binary(value).orElseThrow(() -> invalid(typeWord, value, tokens)), DataTypes.BinaryType);
      case "INTERVAL":
      case "TIME":
        throw tokens.unsupported(typeWord, type + " literals");
      default:
        throw tokens.errorAt(typeWord, "UNSUPPORTED_TYPED_LITERAL", Map.of(
                "unsupportedType", "\"" + type + "\"",
                "supportedTypes", "\"DATE\", \"TIMESTAMP_NTZ\", \"TIMESTAMP_LTZ\", \"TIMESTAMP\", \"INTERVAL\", \"X\", \"TIME\""),
            "Literals of the type \"" + type + "\" are not supported. Supported types are \"DATE\", "
                + "\"TIMESTAMP_NTZ\", \"TIMESTAMP_LTZ\", \"TIMESTAMP\", \"INTERVAL\", \"X\", \"TIME\".",
            "0A000");
    }
  }

  /** Hex digits; an odd count gets a leading zero, as in Spark ({@code X'ABC'} is {@code 0x0ABC}). */
  private static Optional<byte[]> binary(String hex) {
    String even = hex.length() % 2 == 0 ? hex : "0" + hex;
    try {
      return Optional.of(HexFormat.of().parseHex(even));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static RuntimeException invalid(Token typeWord, String value, TokenCursor tokens) {
    String type = typeWord.value().toUpperCase(Locale.ROOT);
    return tokens.errorAt(typeWord, "INVALID_TYPED_LITERAL",
        Map.of("valueType", "\"" + type + "\"", "value", "'" + value + "'"),
        "The value of the typed literal \"" + type + "\" is invalid: '" + value + "'.",
        "42604");
  }
}
