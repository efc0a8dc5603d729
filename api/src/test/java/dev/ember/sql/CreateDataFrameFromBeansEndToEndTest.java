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

  public enum Color { RED }

  public static class Colored {
    public Color getColor() {
      return Color.RED;
    }
  }

  public static class Typed {
    public java.math.BigInteger getBig() {
      return java.math.BigInteger.TEN;
    }

    public java.time.LocalDate getDay() {
      return java.time.LocalDate.of(2024, 1, 1);
    }

    public java.time.Duration getDur() {
      return java.time.Duration.ofHours(1);
    }

    public Boolean getFlag() {
      return null;
    }

    public int[] getInts() {
      return new int[] {1, 2};
    }

    public String[] getNames() {
      return new String[] {"a", null};
    }

    public java.time.LocalDateTime getNtz() {
      return java.time.LocalDateTime.of(2024, 1, 1, 1, 1);
    }

    public java.time.Period getPer() {
      return java.time.Period.ofMonths(13);
    }

    public java.time.Instant getWhen() {
      return java.time.Instant.parse("2024-01-01T00:00:00Z");
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
  void javaTimeBigIntegerAndArrayPropertiesGetSparksTypes() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> frame = spark.createDataFrame(List.of(new Typed()), Typed.class);
    // Spark 4.2's printSchema and show(false) of the same bean, session zone UTC.
    assertEquals("""
        root
         |-- big: decimal(38,0) (nullable = true)
         |-- day: date (nullable = true)
         |-- dur: interval day to second (nullable = true)
         |-- flag: boolean (nullable = true)
         |-- ints: array (nullable = true)
         |    |-- element: integer (containsNull = false)
         |-- names: array (nullable = true)
         |    |-- element: string (containsNull = true)
         |-- ntz: timestamp_ntz (nullable = true)
         |-- per: interval year to month (nullable = true)
         |-- when: timestamp (nullable = true)
        """, frame.schema().treeString());
    assertEquals("""
        +---+----------+-----------------------------------+----+------+---------+-------------------+----------------------------+-------------------+
        |big|day       |dur                                |flag|ints  |names    |ntz                |per                         |when               |
        +---+----------+-----------------------------------+----+------+---------+-------------------+----------------------------+-------------------+
        |10 |2024-01-01|INTERVAL '0 01:00:00' DAY TO SECOND|NULL|[1, 2]|[a, NULL]|2024-01-01 01:01:00|INTERVAL '1-1' YEAR TO MONTH|2024-01-01 00:00:00|
        +---+----------+-----------------------------------+----+------+---------+-------------------+----------------------------+-------------------+
        """, frame.showString(20, 0, false));
  }

  /** Spark infers a string column for an enum, then cannot convert the enum value: the same error here. */
  @Test
  void enumPropertiesFailAsInSpark() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> frame = spark.createDataFrame(List.of(new Colored()), Colored.class);
    assertEquals("struct<color:string>", frame.schema().catalogString());
    dev.ember.SparkIllegalArgumentException error =
        assertThrows(dev.ember.SparkIllegalArgumentException.class, frame::collectAsList);
    assertEquals("The value (RED) of the type (" + Color.class.getCanonicalName()
        + ") cannot be converted to the STRING type. (row 0, column color)", error.getMessage());
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
