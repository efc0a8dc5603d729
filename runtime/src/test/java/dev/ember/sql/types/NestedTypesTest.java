package dev.ember.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected strings are Spark 4.2's for the same types (printed by a probe program against spark-sql 4.2.0). */
class NestedTypesTest {
  private static final ArrayType INTS = DataTypes.createArrayType(DataTypes.IntegerType);
  private static final StructType XY = DataTypes.createStructType(new StructField[] {
      DataTypes.createStructField("x", DataTypes.IntegerType, true),
      DataTypes.createStructField("y z", DataTypes.StringType, false)});

  @Test
  void namesAndStringsMatchSpark() {
    assertEquals("ArrayType(IntegerType,true)", INTS.toString());
    assertEquals("array<int>", INTS.simpleString());
    assertEquals("array<int>", INTS.catalogString());
    assertEquals("ARRAY<INT>", INTS.sql());
    assertEquals("array", INTS.typeName());
    assertEquals("{\"type\":\"array\",\"elementType\":\"integer\",\"containsNull\":true}", INTS.json());
    MapType map = DataTypes.createMapType(DataTypes.StringType, INTS, false);
    assertEquals("MapType(StringType,ArrayType(IntegerType,true),false)", map.toString());
    assertEquals("map<string,array<int>>", map.simpleString());
    assertEquals("MAP<STRING, ARRAY<INT>>", map.sql());
    assertEquals("{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":{\"type\":\"array\",\"elementType\":"
        + "\"integer\",\"containsNull\":true},\"valueContainsNull\":false}", map.json());
    assertEquals("""
        {
          "type" : "map",
          "keyType" : "string",
          "valueType" : {
            "type" : "array",
            "elementType" : "integer",
            "containsNull" : true
          },
          "valueContainsNull" : false
        }""", map.prettyJson());
    assertEquals("struct<x:int,y z:string>", XY.simpleString());
    assertEquals("STRUCT<x: INT, `y z`: STRING NOT NULL>", XY.sql());
    assertEquals("{\"type\":\"struct\",\"fields\":[{\"name\":\"x\",\"type\":\"integer\",\"nullable\":true,"
        + "\"metadata\":{}},{\"name\":\"y z\",\"type\":\"string\",\"nullable\":false,\"metadata\":{}}]}", XY.json());
    assertEquals("""
        {
          "type" : "array",
          "elementType" : {
            "type" : "struct",
            "fields" : [ {
              "name" : "x",
              "type" : "integer",
              "nullable" : true,
              "metadata" : { }
            }, {
              "name" : "y z",
              "type" : "string",
              "nullable" : false,
              "metadata" : { }
            } ]
          },
          "containsNull" : true
        }""", DataTypes.createArrayType(XY).prettyJson());
    assertEquals("\"decimal(10,2)\"", DataTypes.createDecimalType(10, 2).prettyJson());
  }

  @Test
  void treeStringAndDdlMatchSpark() {
    StructType full = new StructType().add("a", INTS).add("m", DataTypes.createMapType(DataTypes.StringType, INTS,
        false), false).add("s", XY).add("as", DataTypes.createArrayType(XY, false))
        .add("mm", DataTypes.createMapType(XY, DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType)));
    assertEquals("a ARRAY<INT>,m MAP<STRING, ARRAY<INT>> NOT NULL,s STRUCT<x: INT, `y z`: STRING NOT NULL>,"
        + "as ARRAY<STRUCT<x: INT, `y z`: STRING NOT NULL>>,mm MAP<STRUCT<x: INT, `y z`: STRING NOT NULL>, "
        + "MAP<STRING, INT>>", full.toDDL());
    assertEquals("""
        root
         |-- a: array (nullable = true)
         |    |-- element: integer (containsNull = true)
         |-- m: map (nullable = false)
         |    |-- key: string
         |    |-- value: array (valueContainsNull = false)
         |    |    |-- element: integer (containsNull = true)
         |-- s: struct (nullable = true)
         |    |-- x: integer (nullable = true)
         |    |-- y z: string (nullable = false)
         |-- as: array (nullable = true)
         |    |-- element: struct (containsNull = false)
         |    |    |-- x: integer (nullable = true)
         |    |    |-- y z: string (nullable = false)
         |-- mm: map (nullable = true)
         |    |-- key: struct
         |    |    |-- x: integer (nullable = true)
         |    |    |-- y z: string (nullable = false)
         |    |-- value: map (valueContainsNull = true)
         |    |    |-- key: string
         |    |    |-- value: integer (valueContainsNull = true)
        """, full.treeString());
    assertEquals(full.toDDL(), StructType.fromDDL(full.toDDL()).toDDL());
    assertEquals("StructType(StructField(a,ArrayType(IntegerType,true),true),StructField(m,MapType(StringType,"
        + "ArrayType(IntegerType,true),true),true),StructField(s,StructType(StructField(x,IntegerType,true),"
        + "StructField(y z,StringType,true)),true),StructField(as,ArrayType(StructType(StructField(x,IntegerType,"
        + "true),StructField(y z,StringType,true)),true),true),StructField(mm,MapType(StructType(StructField(x,"
        + "IntegerType,true),StructField(y z,StringType,true)),MapType(StringType,IntegerType,true),true),true))",
        full.asNullable().toString());
  }

  @Test
  void parsesNestedDdlLikeSpark() {
    StructType parsed = StructType.fromDDL("a ARRAY<INT>, m MAP<STRING,INT>, s STRUCT<x: INT, y: STRING>, "
        + "t struct<`a b`:int not null, c:array<map<int,string>>> not null, n STRUCT<>");
    assertEquals("StructType(StructField(a,ArrayType(IntegerType,true),true),StructField(m,MapType(StringType,"
        + "IntegerType,true),true),StructField(s,StructType(StructField(x,IntegerType,true),StructField(y,"
        + "StringType,true)),true),StructField(t,StructType(StructField(a b,IntegerType,false),StructField(c,"
        + "ArrayType(MapType(IntegerType,StringType,true),true),true)),false),StructField(n,StructType(),true))",
        parsed.toString());
    assertEquals("a ARRAY<INT>,m MAP<STRING, INT>,s STRUCT<x: INT, y: STRING>,t STRUCT<`a b`: INT NOT NULL, "
        + "c: ARRAY<MAP<INT, STRING>>> NOT NULL,n STRUCT<>", parsed.toDDL());
    assertEquals(StructType.fromDDL("a STRUCT<x: INT>"), StructType.fromDDL("a STRUCT<x INT COMMENT 'c'>"));
    assertEquals(INTS, DataType.fromDDL("array<int>"));
    assertEquals(new StructType().add("a", "decimal(10, 2)").add("b", "array<string>"),
        StructType.fromDDL("a DECIMAL(10, 2), b ARRAY<STRING>"));
    for (String bad : new String[] {"a ARRAY<INT", "a ARRAY<>", "a MAP<INT>", "a STRUCT<x>", "a ARRAY(INT)"}) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StructType.fromDDL(bad));
      assertTrue(error.getMessage().startsWith("[PARSE_SYNTAX_ERROR]"), error.getMessage());
    }
  }

  @Test
  void equalityFollowsNullability() {
    assertEquals(INTS, DataTypes.createArrayType(DataTypes.IntegerType, true));
    assertEquals(INTS.hashCode(), DataTypes.createArrayType(DataTypes.IntegerType, true).hashCode());
    assertNotEquals(INTS, DataTypes.createArrayType(DataTypes.IntegerType, false));
    assertNotEquals(DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType),
        DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false));
    assertEquals(DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType)),
        DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, false), false).asNullable());
  }
}
