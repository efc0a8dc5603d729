package dev.ember.sql.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON form of a data type as a small tree, then prints it compactly ({@code json}) or
 * laid out as Spark's {@code prettyJson} does: object fields one per line indented two spaces per
 * enclosing object, arrays on one line ({@code [ {…}, {…} ]}), empty ones as {@code { }} and {@code [ ]}.
 */
final class JsonText {
  private final List<Object> stack = new ArrayList<>();
  private Object root;
  private String pendingName;

  JsonText string(String value) {
    return add(new Text(value));
  }

  JsonText bool(boolean value) {
    return add(value);
  }

  JsonText value(DataType type) {
    type.appendJson(this);
    return this;
  }

  JsonText field(String name) {
    pendingName = name;
    return this;
  }

  JsonText beginObject() {
    Map<String, Object> object = new LinkedHashMap<>();
    add(object);
    stack.add(object);
    return this;
  }

  JsonText endObject() {
    stack.remove(stack.size() - 1);
    return this;
  }

  JsonText beginArray() {
    List<Object> array = new ArrayList<>();
    add(array);
    stack.add(array);
    return this;
  }

  JsonText endArray() {
    stack.remove(stack.size() - 1);
    return this;
  }

  @SuppressWarnings("unchecked")
  private JsonText add(Object value) {
    if (stack.isEmpty()) {
      root = value;
    } else if (stack.get(stack.size() - 1) instanceof Map<?, ?> object) {
      ((Map<String, Object>) object).put(pendingName, value);
      pendingName = null;
    } else {
      ((List<Object>) stack.get(stack.size() - 1)).add(value);
    }
    return this;
  }

  String compact() {
    StringBuilder out = new StringBuilder();
    compact(root, out);
    return out.toString();
  }

  String pretty() {
    StringBuilder out = new StringBuilder();
    pretty(root, 0, out);
    return out.toString();
  }

  private static void compact(Object node, StringBuilder out) {
    if (node instanceof Map<?, ?> object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        out.append(first ? "" : ",");
        quote((String) entry.getKey(), out);
        out.append(':');
        compact(entry.getValue(), out);
        first = false;
      }
      out.append('}');
    } else if (node instanceof List<?> array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        out.append(i == 0 ? "" : ",");
        compact(array.get(i), out);
      }
      out.append(']');
    } else {
      scalar(node, out);
    }
  }

  private static void pretty(Object node, int nesting, StringBuilder out) {
    if (node instanceof Map<?, ?> object) {
      if (object.isEmpty()) {
        out.append("{ }");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        out.append(first ? "\n" : ",\n").append("  ".repeat(nesting + 1));
        quote((String) entry.getKey(), out);
        out.append(" : ");
        pretty(entry.getValue(), nesting + 1, out);
        first = false;
      }
      out.append('\n').append("  ".repeat(nesting)).append('}');
    } else if (node instanceof List<?> array) {
      if (array.isEmpty()) {
        out.append("[ ]");
        return;
      }
      out.append("[ ");
      for (int i = 0; i < array.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        pretty(array.get(i), nesting, out);
      }
      out.append(" ]");
    } else {
      scalar(node, out);
    }
  }

  private static void scalar(Object node, StringBuilder out) {
    if (node instanceof Text text) {
      quote(text.value, out);
    } else {
      out.append(node);
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A JSON string, kept apart from the names of object fields. */
  private record Text(String value) {}
}
