package dev.ember.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.sql.types.DataTypes;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Expected values are Spark 4.2's show output for the same inputs. */
class DisplayStringsTest {
  @Test
  void escapesOnlyTheControlCharactersSparkEscapes() {
    for (char c = 0; c < 0x2030; c++) {
      String expected = switch (c) {
        case 7 -> "<\\a>";
        case 8 -> "<\\b>";
        case 9 -> "<\\t>";
        case 10 -> "<\\n>";
        case 11 -> "<\\v>";
        case 12 -> "<\\f>";
        case 13 -> "<\\r>";
        default -> "<" + c + ">";
      };
      assertEquals(expected, DisplayStrings.escapeControlCharacters("<" + c + ">"), "character " + (int) c);
    }
    String plain = "no controls \\ here";
    assertSame(plain, DisplayStrings.escapeControlCharacters(plain));
  }

  @Test
  void nullIsUpperCase() {
    assertEquals("NULL", DisplayStrings.toDisplayString(null, DataTypes.StringType, ZoneId.of("UTC")));
  }

  @Test
  void binaryIsUpperCaseHex() {
    assertEquals("[00 0F A0 FF]",
        DisplayStrings.toDisplayString(new byte[] {0, 15, (byte) 0xa0, -1}, DataTypes.BinaryType, ZoneId.of("UTC")));
  }

  @Test
  void fullWidthBlocksCountTwice() {
    assertEquals(2, DisplayWidth.of("\u1100"));
    assertEquals(1, DisplayWidth.of("\u1160"));
    assertEquals(2, DisplayWidth.of("\uFFE6"));
    assertEquals(1, DisplayWidth.of("\uFF61"));
    assertEquals(2, DisplayWidth.of("😀"));
  }
}
