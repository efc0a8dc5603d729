package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Values and errors observed on Spark 4.2.0. */
class DateTimeFormatFunctionsTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  private final DateTimeFormatterCache cache = DateTimeFormatFunctions.newCache();

  private static long utcMicros(String text) {
    return DateTimeValues.micros(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
  }

  @Test
  void formatsWithSparkPatterns() {
    assertEquals("2024-03-10 10:30:00 Sun AM 000 Z", DateTimeFormatFunctions.date_format(true, UTC, cache,
        utcMicros("2024-03-10T10:30:00"), "yyyy-MM-dd HH:mm:ss EEE a SSS XXX"));
    assertEquals("2024-03-10 03:30:00 -07:00 PDT", DateTimeFormatFunctions.date_format(true, LOS_ANGELES, cache,
        utcMicros("2024-03-10T10:30:00"), "yyyy-MM-dd HH:mm:ss XXX z"));
    assertEquals("1969-12-31 23:59:59", DateTimeFormatFunctions.from_unixtime(true, UTC, cache, -1L,
        DateTimeFormatFunctionsTest.DEFAULT));
  }

  private static final String DEFAULT = "yyyy-MM-dd HH:mm:ss";

  @Test
  void parsesInTheSessionZoneUnlessTheTextHasOne() {
    assertEquals(utcMicros("2024-03-10T10:30:00"),
        DateTimeFormatFunctions.to_timestamp(true, LOS_ANGELES, cache, "2024-03-10 02:30:00", DEFAULT));
    assertEquals(utcMicros("2024-01-31T08:00:00"), DateTimeFormatFunctions.to_timestamp(true, LOS_ANGELES, cache,
        "2024-01-31 10:00:00 +02:00", "yyyy-MM-dd HH:mm:ss XXX"));
    assertEquals(utcMicros("1970-01-01T18:00:00"),
        DateTimeFormatFunctions.to_timestamp(true, LOS_ANGELES, cache, "10:00", "HH:mm"));
  }

  @Test
  void unparsableTextFailsUnderAnsiAndIsNullOtherwise() {
    SparkException error = assertThrows(SparkException.class,
        () -> DateTimeFormatFunctions.to_date(true, UTC, cache, "bad", "yyyy-MM-dd"));
    assertEquals("CANNOT_PARSE_TIMESTAMP", error.getCondition());
    assertEquals("[CANNOT_PARSE_TIMESTAMP] Text 'bad' could not be parsed at index 0. Use `try_to_date` to tolerate "
        + "invalid input string and return NULL instead. SQLSTATE: 22007", error.getMessage());
    assertNull(DateTimeFormatFunctions.to_timestamp(false, UTC, cache, "2024-02-30", "yyyy-MM-dd"));
  }

  @Test
  void unixTimestampTruncatesTowardZero() {
    assertEquals(0L, DateTimeFormatFunctions.unix_timestamp(true, UTC, cache, -1L, DEFAULT));
    assertEquals(1730622600L, DateTimeFormatFunctions.unix_timestamp(true, LOS_ANGELES, cache,
        "2024-11-03 01:30:00", DEFAULT));
  }

  @Test
  void badPatternsFailWithSparksConditions() {
    assertEquals("INVALID_DATETIME_PATTERN.WITH_SUGGESTION",
        assertThrows(SparkException.class, () -> cache.formatter("yyyy-MM-dd b")).getCondition());
    assertEquals("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION",
        assertThrows(SparkException.class, () -> cache.parser("YYYY")).getCondition());
  }

  @Test
  void theCacheKeepsTheLastFormatter() {
    assertSame(cache.formatter("yyyy"), cache.formatter("yyyy"));
  }
}
