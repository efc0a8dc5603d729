package dev.ember.api.sources;

import dev.ember.api.rows.GenericRow;
import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The schema and rows of a list of JavaBeans, as Spark's {@code createDataFrame(List, Class)} infers
 * them (checked against Spark 4.2): one column per readable property ({@code getX}/{@code isX}, a setter
 * is not needed), sorted by property name; primitive properties are non-nullable, every other one
 * nullable. Boxed primitives, String, {@code byte[]}, BigDecimal ({@code decimal(38,18)}), BigInteger
 * ({@code decimal(38,0)}), dates, timestamps, {@code LocalDateTime}, Duration, Period, arrays,
 * {@code List}s, {@code Map}s and nested beans (as structs) are understood. Enum properties give a
 * string column whose values fail to convert, as in Spark.
 */
public final class JavaBeanRows {
  private final StructType schema;
  private final Class<?> beanClass;
  private final UnaryOperator<Object> toRow;

  /** A property type's column type, nullability and how its values become external values. */
  private record Inferred(DataType type, boolean nullable, UnaryOperator<Object> external) {}

  private JavaBeanRows(Class<?> beanClass) {
    this.beanClass = beanClass;
    Inferred inferred = inferBean(beanClass, new HashSet<>());
    this.schema = (StructType) inferred.type();
    this.toRow = inferred.external();
  }

  /** The shape of {@code beanClass}'s beans; fails for a property type Spark cannot infer either. */
  public static JavaBeanRows of(Class<?> beanClass) {
    return new JavaBeanRows(Objects.requireNonNull(beanClass, "beanClass is null"));
  }

  public StructType schema() {
    return schema;
  }

  /** One row per bean, its values read through the getters now. */
  public List<Row> rows(List<?> beans) {
    Objects.requireNonNull(beans, "beans is null");
    List<Row> rows = new ArrayList<>(beans.size());
    for (int i = 0; i < beans.size(); i++) {
      Object bean = beans.get(i);
      if (!beanClass.isInstance(bean)) {
        throw new IllegalArgumentException("Element " + i + " of the data (" + bean + ") is not a "
            + beanClass.getName() + ", the bean class given to createDataFrame.");
      }
      rows.add((Row) toRow.apply(bean));
    }
    return rows;
  }

  private static Inferred infer(Type type, Set<Class<?>> enclosing) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] arguments = parameterized.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        Inferred element = infer(arguments[0], enclosing);
        return new Inferred(new ArrayType(element.type(), true), true, value -> {
          List<Object> elements = new ArrayList<>();
          for (Object item : (List<?>) value) {
            elements.add(item == null ? null : element.external().apply(item));
          }
          return elements;
        });
      } else if (Map.class.isAssignableFrom(raw)) {
        Inferred key = infer(arguments[0], enclosing);
        Inferred mapValue = infer(arguments[1], enclosing);
        return new Inferred(new MapType(key.type(), mapValue.type(), true), true, value -> {
          Map<Object, Object> entries = new LinkedHashMap<>();
          ((Map<?, ?>) value).forEach((entryKey, entryValue) -> entries.put(
              entryKey == null ? null : key.external().apply(entryKey),
              entryValue == null ? null : mapValue.external().apply(entryValue)));
          return entries;
        });
      }
      return infer(raw, enclosing);
    }
    if (!(type instanceof Class<?> javaClass)) {
      throw new UnsupportedOperationException("Cannot infer the column type of bean property type " + type);
    }
    UnaryOperator<Object> same = UnaryOperator.identity();
    if (javaClass.isPrimitive()) {
      DataType primitive = primitiveType(javaClass);
      return new Inferred(primitive, false, same);
    }
    DataType simple = simpleType(javaClass);
    if (simple != null) {
      return new Inferred(simple, true, same);
    }
    if (javaClass.isEnum()) {
      // Spark 4.2 infers a string column but then refuses the enum values themselves (its
      // cannot-be-converted error); passing them on unchanged fails the same way.
      return new Inferred(DataTypes.StringType, true, same);
    }
    if (javaClass.isArray()) {
      Inferred element = infer(javaClass.getComponentType(), enclosing);
      return new Inferred(new ArrayType(element.type(), element.nullable()), true, value -> {
        int length = java.lang.reflect.Array.getLength(value);
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
          Object item = java.lang.reflect.Array.get(value, i);
          elements.add(item == null ? null : element.external().apply(item));
        }
        return elements;
      });
    }
    if (List.class.isAssignableFrom(javaClass) || Map.class.isAssignableFrom(javaClass)) {
      throw new UnsupportedOperationException("Cannot infer the element types of raw " + javaClass.getName()
          + " in a bean: declare its type arguments.");
    }
    return inferBean(javaClass, enclosing);
  }

  private static Inferred inferBean(Class<?> beanClass, Set<Class<?>> enclosing) {
    if (!enclosing.add(beanClass)) {
      throw new UnsupportedOperationException("Cannot have circular references in bean class, but got the circular"
          + " reference of class " + beanClass.getName());
    }
    PropertyDescriptor[] properties;
    try {
      properties = Introspector.getBeanInfo(beanClass).getPropertyDescriptors();
    } catch (IntrospectionException e) {
      throw new IllegalArgumentException("Cannot read the properties of bean class " + beanClass.getName(), e);
    }
    List<PropertyDescriptor> readable = Arrays.stream(properties)
        .filter(property -> property.getReadMethod() != null && !property.getName().equals("class"))
        .sorted(Comparator.comparing(PropertyDescriptor::getName))
        .toList();
    StructField[] fields = new StructField[readable.size()];
    Method[] getters = new Method[readable.size()];
    List<UnaryOperator<Object>> externals = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      PropertyDescriptor property = readable.get(i);
      getters[i] = property.getReadMethod();
      getters[i].setAccessible(true);
      Inferred inferred = infer(getters[i].getGenericReturnType(), enclosing);
      fields[i] = new StructField(property.getName(), inferred.type(), inferred.nullable());
      externals.add(inferred.external());
    }
    enclosing.remove(beanClass);
    StructType struct = new StructType(fields);
    return new Inferred(struct, true, bean -> {
      Object[] values = new Object[getters.length];
      for (int i = 0; i < getters.length; i++) {
        Object value = read(getters[i], bean);
        values[i] = value == null ? null : externals.get(i).apply(value);
      }
      return new GenericRow(values, struct);
    });
  }

  private static Object read(Method getter, Object bean) {
    try {
      return getter.invoke(bean);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("Cannot call " + getter + " of bean " + bean, e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("The getter " + getter + " failed on bean " + bean, e.getCause());
    }
  }

  private static DataType primitiveType(Class<?> primitive) {
    return simpleType(java.lang.invoke.MethodType.methodType(primitive).wrap().returnType());
  }

  /** The column type of a non-bean, non-collection class; null for other classes. */
  private static DataType simpleType(Class<?> javaClass) {
    if (javaClass == Boolean.class) {
      return DataTypes.BooleanType;
    } else if (javaClass == Byte.class) {
      return DataTypes.ByteType;
    } else if (javaClass == Short.class) {
      return DataTypes.ShortType;
    } else if (javaClass == Integer.class) {
      return DataTypes.IntegerType;
    } else if (javaClass == Long.class) {
      return DataTypes.LongType;
    } else if (javaClass == Float.class) {
      return DataTypes.FloatType;
    } else if (javaClass == Double.class) {
      return DataTypes.DoubleType;
    } else if (javaClass == String.class) {
      return DataTypes.StringType;
    } else if (javaClass == byte[].class) {
      return DataTypes.BinaryType;
    } else if (javaClass == java.math.BigDecimal.class) {
      return new DecimalType(38, 18);
    } else if (javaClass == java.math.BigInteger.class) {
      return new DecimalType(38, 0);
    } else if (javaClass == java.sql.Date.class || javaClass == java.time.LocalDate.class) {
      return DataTypes.DateType;
    } else if (javaClass == java.sql.Timestamp.class || javaClass == java.time.Instant.class) {
      return DataTypes.TimestampType;
    } else if (javaClass == java.time.LocalDateTime.class) {
      return DataTypes.TimestampNTZType;
    } else if (javaClass == java.time.Duration.class) {
      return new DayTimeIntervalType();
    } else if (javaClass == java.time.Period.class) {
      return new YearMonthIntervalType();
    }
    return null;
  }
}
