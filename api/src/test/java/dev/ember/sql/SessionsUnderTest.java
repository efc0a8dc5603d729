package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sessions one end-to-end test starts. {@link #stopAll()} (from {@code @AfterEach}) stops them and
 * requires that stopping does not throw: stopping closes the root allocator, so a leaked Arrow buffer
 * fails the test that leaked it.
 */
final class SessionsUnderTest {
  /** Five people; Eve's age and Carol's score are missing. */
  static final String PEOPLE_CSV = """
      name,age,city,score
      Alice,34,New York,88.5
      Bob,28,San Francisco,72.25
      Carol,45,Chicago,
      Dave,23,New York,95.0
      Eve,,Chicago,60.75
      """;

  private final List<SparkSession> started = new ArrayList<>();

  SparkSession start(String master) {
    return start(master, Map.of());
  }

  SparkSession start(String master, Map<String, String> settings) {
    SparkSession.Builder builder = SparkSession.builder().master(master).appName("end-to-end")
        .config("spark.sql.session.timeZone", "UTC");
    settings.forEach(builder::config);
    SparkSession session = builder.getOrCreate();
    started.add(session);
    return session;
  }

  void stopAll() {
    for (SparkSession session : started) {
      assertDoesNotThrow(session::stop, "stopping the session (a leaked Arrow buffer fails here)");
    }
    started.clear();
  }

  static String writePeople(Path directory) throws IOException {
    return write(directory.resolve("people.csv"), PEOPLE_CSV);
  }

  static String write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  static Dataset<Row> readPeople(SparkSession spark, String path) {
    return spark.read().option("header", "true").option("inferSchema", "true").csv(path);
  }
}
