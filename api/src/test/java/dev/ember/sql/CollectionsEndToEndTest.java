package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arrays, maps and structs through the public API, generated and interpreted. Values and names were
 * checked against Spark 4.2.
 */
class CollectionsEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @TempDir
  Path directory;

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private Dataset<Row> people(String codegen) throws Exception {
    SparkSession spark = sessions.start("local[1]", Map.of("spark.sql.codegen.wholeStage", codegen));
    return SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory));
  }

  private static String shown(Dataset<Row> dataset) {
    return dataset.showString(20, 0, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void arrayFunctionsOverColumns(String codegen) throws Exception {
    Dataset<Row> result = people(codegen).orderBy("name")
        .selectExpr("array(age, 1) a", "size(array(age, 1)) n", "element_at(array(age, 1), -1) last",
            "array_contains(array(age, 1), 28) has", "sort_array(array(age, 1, NULL), false) sorted",
            "split(city, ' ') words", "array_join(split(city, ' '), '_') joined");
    assertEquals("""
        +---------+---+----+-----+---------------+----------------+-------------+
        |a        |n  |last|has  |sorted         |words           |joined       |
        +---------+---+----+-----+---------------+----------------+-------------+
        |[34, 1]  |2  |1   |false|[34, 1, NULL]  |[New, York]     |New_York     |
        |[28, 1]  |2  |1   |true |[28, 1, NULL]  |[San, Francisco]|San_Francisco|
        |[45, 1]  |2  |1   |false|[45, 1, NULL]  |[Chicago]       |Chicago      |
        |[23, 1]  |2  |1   |false|[23, 1, NULL]  |[New, York]     |New_York     |
        |[NULL, 1]|2  |1   |NULL |[1, NULL, NULL]|[Chicago]       |Chicago      |
        +---------+---+----+-----+---------------+----------------+-------------+
        """, shown(result));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void mapsAndStructs(String codegen) throws Exception {
    Dataset<Row> result = people(codegen).filter("name = 'Bob'")
        .selectExpr("map(name, age)", "named_struct('n', name, 'a', age)", "struct(name, age)",
            "map_keys(map(name, age))");
    assertEquals(List.of("map(name, age)", "named_struct(n, name, a, age)", "struct(name, age)",
        "map_keys(map(name, age))"), List.of(result.columns()));
    assertEquals("struct<name:string,age:int>", result.schema().fields()[2].dataType().simpleString());
    Row row = result.collectAsList().get(0);
    assertEquals("Map(Bob -> 28)", row.get(0).toString());
    assertEquals("[Bob,28]", row.get(1).toString());
    assertEquals("ArraySeq(Bob)", row.get(3).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void collectListKeepsInputOrderAndSkipsNulls(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    Dataset<Row> grouped = people.groupBy("city").agg(functions.expr("collect_list(name)"),
        functions.expr("collect_set(age)")).orderBy("city");
    assertEquals(List.of("city", "collect_list(name)", "collect_set(age)"), List.of(grouped.columns()));
    assertEquals("array<string>", grouped.schema().fields()[1].dataType().simpleString());
    assertEquals(false, grouped.schema().fields()[1].nullable());
    List<Row> rows = grouped.collectAsList();
    assertEquals("[Chicago,ArraySeq(Carol, Eve),ArraySeq(45)]", rows.get(0).toString());
    assertEquals("[New York,ArraySeq(Alice, Dave),ArraySeq(34, 23)]", rows.get(1).toString());
    Dataset<Row> none = people.filter("age > 100").selectExpr("collect_list(age)", "collect_set(name)");
    assertEquals("[ArraySeq(),ArraySeq()]", none.collectAsList().get(0).toString());
  }

  @Test
  void pipelinesReadingComputingAndWritingNestedValuesAreGenerated() throws Exception {
    Dataset<Row> people = people("true");
    Dataset<Row> nested = people.selectExpr("name", "split(city, ' ') words", "map(name, age) ages",
        "named_struct('n', name, 'tags', array(age, 1)) person")
        .filter("size(words) > 1")
        .select(functions.col("words").getItem(0).as("first"), functions.col("ages"),
            functions.col("person").getField("tags"), functions.col("person"));
    assertEquals("[[New,Map(Alice -> 34),ArraySeq(34, 1),[Alice,ArraySeq(34, 1)]], "
        + "[San,Map(Bob -> 28),ArraySeq(28, 1),[Bob,ArraySeq(28, 1)]], "
        + "[New,Map(Dave -> 23),ArraySeq(23, 1),[Dave,ArraySeq(23, 1)]]]",
        nested.collectAsList().toString());
    String pipelines = nested.queryExecution().explainString("extended");
    String kernels = pipelines.substring(pipelines.indexOf("== Pipelines =="));
    assertFalse(kernels.contains("kernel=interpreted"), kernels);
    assertTrue(kernels.contains("kernel=generated"), kernels);
    String source = nested.queryExecution().explainString("codegen");
    assertTrue(source.contains("NestedValues.write("), source);
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void explodeRepeatsTheRowForEachElement(String codegen) throws Exception {
    Dataset<Row> people = people(codegen).orderBy("name");
    Dataset<Row> exploded = people.selectExpr("name", "explode(split(city, ' '))");
    assertEquals(List.of("name", "col"), List.of(exploded.columns()));
    assertEquals("""
        +-----+---------+
        |name |col      |
        +-----+---------+
        |Alice|New      |
        |Alice|York     |
        |Bob  |San      |
        |Bob  |Francisco|
        |Carol|Chicago  |
        |Dave |New      |
        |Dave |York     |
        |Eve  |Chicago  |
        +-----+---------+
        """, shown(exploded));
    Dataset<Row> positions = people.filter("age < 30 OR age IS NULL")
        .selectExpr("posexplode_outer(if(age IS NULL, NULL, map(name, age)))", "age");
    assertEquals(List.of("pos", "key", "value", "age"), List.of(positions.columns()));
    assertEquals("[[0,Bob,28,28], [0,Dave,23,23], [null,null,null,null]]",
        positions.collectAsList().toString());
    Dataset<Row> aliased = people.select(functions.explode(functions.expr("array(age, 1)")).as("v"));
    assertEquals(List.of("v"), List.of(aliased.columns()));
    assertEquals(10, aliased.count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void getItemAndGetFieldAreNamedAsInSpark(String codegen) throws Exception {
    Dataset<Row> nested = people(codegen).filter("name = 'Bob'")
        .selectExpr("split(city, ' ') words", "map(name, age) ages", "named_struct('n', name, 'a', age) person");
    Dataset<Row> result = nested.select(functions.col("words").getItem(1), functions.col("ages").getItem("Bob"),
        functions.col("person").getField("a"), functions.col("person").apply("n"));
    assertEquals(List.of("words[1]", "ages[Bob]", "person.a", "person.n"), List.of(result.columns()));
    assertEquals("[Francisco,28,28,Bob]", result.collectAsList().get(0).toString());
    dev.ember.SparkException outOfBounds = org.junit.jupiter.api.Assertions.assertThrows(dev.ember.SparkException.class,
        () -> nested.select(functions.col("words").getItem(5)).collectAsList());
    assertEquals("INVALID_ARRAY_INDEX", outOfBounds.getCondition());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void groupByAndOrderByANestedFieldByItsDottedName(String codegen) throws Exception {
    SparkSession spark = sessions.start("local[1]", Map.of("spark.sql.codegen.wholeStage", codegen));
    Dataset<Row> nested = spark.range(6).selectExpr("named_struct('x', id % 3, 'y', id) AS s", "id");
    // Spark 4.2: the grouping column is named x; s.x resolved twice is one grouping expression.
    Dataset<Row> counts = nested.groupBy("s.x").agg(functions.count("*"), functions.max("s.y")).orderBy("x");
    assertEquals(List.of("x", "count(1)", "max(s.y)"), List.of(counts.columns()));
    assertEquals("[[0,2,3], [1,2,4], [2,2,5]]", counts.collectAsList().toString());
    assertEquals("[5, 2, 4, 1, 3, 0]", nested.orderBy(functions.col("s.x").desc(), functions.col("s.y").desc())
        .select("id").collectAsList().stream().map(row -> row.get(0)).toList().toString());
  }
}
