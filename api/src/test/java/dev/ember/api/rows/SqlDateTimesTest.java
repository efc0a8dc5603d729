package dev.ember.api.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.SimpleTimeZone;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fast java.time path of {@link SqlDateTimes#toSqlDate} must give what the hybrid calendar gives. */
class SqlDateTimesTest {
  private static final String[] ZONES = {"UTC", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata",
      // Daylight saving started at midnight here, skipping it; Apia skipped 2011-12-30 entirely.
      "America/Sao_Paulo", "Asia/Beirut", "Pacific/Apia", "Australia/Lord_Howe", "Europe/Amsterdam", "GMT+05:30"};

  private final TimeZone original = TimeZone.getDefault();

  @AfterEach
  void restoreTimeZone() {
    TimeZone.setDefault(original);
  }

  @Test
  void everyDayFrom1850To2100AndSampledDaysFarOutAgreeWithTheCalendarInManyZones() {
    for (String zone : ZONES) {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      for (int day = day(1850, 1, 1); day <= day(2100, 1, 1); day++) {
        assertSameDate(zone, day);
      }
      for (int day = day(-3000, 1, 1); day <= day(1850, 1, 1); day += 97) {
        assertSameDate(zone, day);
      }
      for (int day = day(2100, 1, 1); day <= day(9999, 12, 31); day += 89) {
        assertSameDate(zone, day);
      }
      for (int day = day(1582, 9, 20); day <= day(1582, 10, 30); day++) {
        assertSameDate(zone, day);
      }
    }
  }

  @Test
  void aSimpleTimeZoneWithItsOwnRulesKeepsThem() {
    // Claims New York's ID but switches on other days than New York does.
    TimeZone.setDefault(new SimpleTimeZone(-5 * 3_600_000, "America/New_York",
        0, 1, 0, 0, 10, 1, 0, 0, 3_600_000));
    for (int day = day(1990, 1, 1); day <= day(2030, 1, 1); day++) {
      assertSameDate("custom", day);
    }
  }

  @Test
  void theSameDayConvertedAgainFollowsAChangedDefaultZone() {
    int day = day(2024, 3, 1);
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
    long tokyo = SqlDateTimes.toSqlDate(day).getTime();
    assertEquals(tokyo, SqlDateTimes.toSqlDate(day).getTime());
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
    assertEquals(tokyo + 9 * 3_600_000L, SqlDateTimes.toSqlDate(day).getTime());
    TimeZone shifted = TimeZone.getTimeZone("Europe/London");
    shifted.setRawOffset(3_600_000);
    TimeZone.setDefault(shifted);
    assertSameDate("London shifted by an hour", day);
  }

  @Test
  void knownDatesKeepTheirFields() {
    TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
    assertEquals("1998-08-02", SqlDateTimes.toSqlDate(day(1998, 8, 2)).toString());
    assertEquals("1900-01-01", SqlDateTimes.toSqlDate(day(1900, 1, 1)).toString());
    assertEquals("1582-10-15", SqlDateTimes.toSqlDate(day(1582, 10, 10)).toString());
  }

  private static void assertSameDate(String zone, int day) {
    assertEquals(SqlDateTimes.toSqlDateByCalendar(day).getTime(), SqlDateTimes.toSqlDate(day).getTime(),
        () -> "day " + LocalDate.ofEpochDay(day) + " in " + zone);
  }

  private static int day(int year, int month, int dayOfMonth) {
    return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
  }
}
