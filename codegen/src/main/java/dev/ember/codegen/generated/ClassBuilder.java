package dev.ember.codegen.generated;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parts of one generated class as they are collected: fields, constructor statements, methods,
 * the objects handed to the constructor ({@code references}: byte[] and BigDecimal literals, the
 * output schema), and which input columns the code reads.
 */
final class ClassBuilder {
  private final CodeBuilder fields = new CodeBuilder(1);
  private final CodeBuilder constructor = new CodeBuilder(2);
  private final List<String> methods = new ArrayList<>();
  private final List<Object> references = new ArrayList<>();
  private final SortedMap<Integer, DataType> inputColumns = new TreeMap<>();
  private final List<String> imports = new ArrayList<>();

  /** A final field set from {@code references[i]} in the constructor; returns the field name. */
  String addReference(String namePrefix, String javaType, Object value, String comment) {
    String name = namePrefix + references.size();
    if (comment != null) {
      fields.comment(comment);
    }
    fields.line("private final " + javaType + " " + name + ";");
    constructor.line("this." + name + " = (" + javaType + ") references[" + references.size() + "];");
    references.add(value);
    return name;
  }

  void addField(String declaration) {
    fields.line(declaration);
  }

  void addFieldComment(String comment) {
    fields.comment(comment);
  }

  void addConstructorLine(String line) {
    constructor.line(line);
  }

  void addMethod(CodeBuilder method) {
    methods.add(method.toString());
  }

  void addImport(String className) {
    if (!imports.contains(className)) {
      imports.add(className);
    }
  }

  /** Records that the code reads input column {@code ordinal}, so the per-batch binding covers it. */
  void useInputColumn(int ordinal, DataType type) {
    inputColumns.put(ordinal, type);
  }

  SortedMap<Integer, DataType> inputColumns() {
    return inputColumns;
  }

  List<Object> references() {
    return references;
  }

  List<String> imports() {
    return imports;
  }

  CodeBuilder fields() {
    return fields;
  }

  CodeBuilder constructor() {
    return constructor;
  }

  List<String> methods() {
    return methods;
  }
}
