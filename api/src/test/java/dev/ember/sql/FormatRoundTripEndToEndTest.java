package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Every format Ember writes through {@code df.write()} reads back through {@code spark.read()} unchanged. */
class FormatRoundTripEndToEndTest {
  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "json", "arrow", "csv"})
  void writtenDatasetReadsBackWithTheSameRows(String format) throws Exception {
    SparkSession spark = sessions.start("local[2]");
    Path csv = Path.of(SessionsUnderTest.writePeople(directory));
    Dataset<Row> people = SessionsUnderTest.readPeople(spark, csv.toString());
    Path out = directory.resolve("out-" + format);
    people.write().format(format).option("header", "true").save(out.toString());

    try (Stream<Path> files = Files.list(out)) {
      List<String> names = files.map(file -> file.getFileName().toString()).toList();
      assertTrue(names.contains("_SUCCESS"), names.toString());
    }
    DataFrameReader reader = spark.read().format(format).option("header", "true");
    if (format.equals("csv") || format.equals("json")) {
      reader = reader.schema(people.schema());
    }
    String first = people.columns()[0];
    List<Row> expected = people.orderBy(first).collectAsList();
    List<Row> actual = reader.load(out.toString()).orderBy(first).collectAsList();
    assertEquals(expected, actual);
  }

  @Test
  void parquetKeepsTheSchemaWithoutHelp() throws Exception {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> people = SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory));
    Path out = directory.resolve("typed");
    people.write().parquet(out.toString());
    assertEquals(people.schema(), spark.read().parquet(out.toString()).schema());
  }
}
