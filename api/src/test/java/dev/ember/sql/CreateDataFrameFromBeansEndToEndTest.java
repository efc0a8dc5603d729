package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code createDataFrame(List, Class)}: the columns, order, nullability and values Spark 4.2 gives for beans. */
class CreateDataFrameFromBeansEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  public static class Inner {
    private int x;

    public int getX() {
      return x;
    }

    public void setX(int x) {
      this.x = x;
    }
  }

  /** Properties declared out of alphabetical order, as Spark's column order must not follow declaration. */
  public static class Person {
    private String name;
    private int age;
    private Long big;
    private double zeta;
    private boolean active;
    private List<String> tags;
    private Map<String, Integer> scores;
    private Inner inner;
    private java.sql.Date day;
    private BigDecimal amount;
    private byte[] bytes;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public int getAge() {
      return age;
    }

    public void setAge(int age) {
      this.age = age;
    }

    public Long getBig() {
      return big;
    }

    public double getZeta() {
      return zeta;
    }

    public boolean isActive() {
      return active;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    public Map<String, Integer> getScores() {
      return scores;
    }

    public void setScores(Map<String, Integer> scores) {
      this.scores = scores;
    }

    public Inner getInner() {
      return inner;
    }

    public void setInner(Inner inner) {
      this.inner = inner;
    }

    public java.sql.Date getDay() {
      return day;
    }

    public void setDay(java.sql.Date day) {
      this.day = day;
    }

    public BigDecimal getAmount() {
      return amount;
    }

    public void setAmount(BigDecimal amount) {
      this.amount = amount;
    }

    public byte[] getBytes() {
      return bytes;
    }

    public void setBytes(byte[] bytes) {
      this.bytes = bytes;
    }
  }

  public static class ReadOnly {
    public int getA() {
      return 1;
    }

    public String getB() {
      return "b";
    }
  }

  public static class Cyclic {
    public Cyclic getNext() {
      return null;
    }
  }

  private static Person person() {
    Person person = new Person();
    person.setName("n");
    person.setAge(3);
    person.setTags(List.of("t"));
    Map<String, Integer> scores = new HashMap<>();
    scores.put("a", 1);
    person.setScores(scores);
    Inner inner = new Inner();
    inner.setX(7);
    person.setInner(inner);
    person.setDay(java.sql.Date.valueOf("2024-05-06"));
    person.setAmount(new BigDecimal("1.5"));
    person.setBytes(new byte[] {3});
    return person;
  }

  @Test
  void beanPropertiesBecomeColumnsSortedByName() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> frame = spark.createDataFrame(List.of(person(), new Person()), Person.class);
    // Spark 4.2's printSchema and show() of the same beans.
    assertEquals("""
        root
         |-- active: boolean (nullable = false)
         |-- age: integer (nullable = false)
         |-- amount: decimal(38,18) (nullable = true)
         |-- big: long (nullable = true)
         |-- bytes: binary (nullable = true)
         |-- day: date (nullable = true)
         |-- inner: struct (nullable = true)
         |    |-- x: integer (nullable = false)
         |-- name: string (nullable = true)
         |-- scores: map (nullable = true)
         |    |-- key: string
         |    |-- value: integer (valueContainsNull = true)
         |-- tags: array (nullable = true)
         |    |-- element: string (containsNull = true)
         |-- zeta: double (nullable = false)
        """, frame.schema().treeString());
    assertEquals("""
        +------+---+--------------------+----+-----+----------+-----+----+--------+----+----+
        |active|age|              amount| big|bytes|       day|inner|name|  scores|tags|zeta|
        +------+---+--------------------+----+-----+----------+-----+----+--------+----+----+
        | false|  3|1.500000000000000000|NULL| [03]|2024-05-06|  {7}|   n|{a -> 1}| [t]| 0.0|
        | false|  0|                NULL|NULL| NULL|      NULL| NULL|NULL|    NULL|NULL| 0.0|
        +------+---+--------------------+----+-----+----------+-----+----+--------+----+----+
        """, frame.showString(20, 20, false));
    assertEquals("[false,0,null,null,null,null,null,null,null,null,0.0]", frame.collectAsList().get(1).toString());
  }

  @Test
  void gettersAloneAreEnough() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> frame = spark.createDataFrame(List.of(new ReadOnly()), ReadOnly.class);
    assertEquals("struct<a:int,b:string>", frame.schema().catalogString());
    assertEquals(List.of(RowFactory.create(1, "b")), frame.collectAsList());
  }

  @Test
  void objectsOfAnotherClassAndCyclicBeansAreRefused() {
    SparkSession spark = sessions.start("local[1]");
    IllegalArgumentException wrongClass = assertThrows(IllegalArgumentException.class,
        () -> spark.createDataFrame(List.of("abc"), Person.class));
    assertEquals("Element 0 of the data (abc) is not a " + Person.class.getName()
        + ", the bean class given to createDataFrame.", wrongClass.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> spark.createDataFrame(List.of(new Cyclic()), Cyclic.class));
  }
}
