package dev.ember.planner.trees;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one tree API shared by logical plans, physical plans and expressions. Nodes are immutable; a
 * transform that changes nothing returns the very same instance, so rules can detect "no change" by
 * identity and the rule driver can find fixed points cheaply.
 */
public interface TreeNode<T extends TreeNode<T>> {
  List<T> children();

  /** A copy of this node with other children (same count); returns {@code this} if they are the same. */
  T withNewChildren(List<T> children);

  /** The node's own line in {@link #treeString()}, without children. */
  String nodeString();

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Applies {@code rule} to every node, children first. */
  default T transformUp(Function<T, T> rule) {
    T withChildren = mapChildren(child -> child.transformUp(rule));
    return rule.apply(withChildren);
  }

  /** Applies {@code rule} to every node, parents first; the rule's result's children are visited next. */
  default T transformDown(Function<T, T> rule) {
    T applied = rule.apply(self());
    return applied.mapChildren(child -> child.transformDown(rule));
  }

  /** Rebuilds this node with each child mapped; keeps {@code this} when no child changed. */
  default T mapChildren(Function<T, T> mapping) {
    List<T> children = children();
    if (children.isEmpty()) {
      return self();
    }
    List<T> mapped = new ArrayList<>(children.size());
    boolean changed = false;
    for (T child : children) {
      T next = mapping.apply(child);
      changed |= next != child;
      mapped.add(next);
    }
    return changed ? withNewChildren(mapped) : self();
  }

  default void foreach(Consumer<T> visitor) {
    visitor.accept(self());
    for (T child : children()) {
      child.foreach(visitor);
    }
  }

  /** Every node (pre-order) for which {@code mapping} returns non-null, mapped. */
  default <R> List<R> collect(Function<T, R> mapping) {
    List<R> out = new ArrayList<>();
    foreach(node -> {
      R value = mapping.apply(node);
      if (value != null) {
        out.add(value);
      }
    });
    return out;
  }

  default boolean exists(Predicate<T> predicate) {
    if (predicate.test(self())) {
      return true;
    }
    for (T child : children()) {
      if (child.exists(predicate)) {
        return true;
      }
    }
    return false;
  }

  /** The indented tree Spark's {@code explain()} prints: {@code +- } for the last child, {@code :- } before. */
  default String treeString() {
    StringBuilder out = new StringBuilder();
    appendTree(out, "", "");
    return out.toString();
  }

  private void appendTree(StringBuilder out, String firstPrefix, String restPrefix) {
    out.append(firstPrefix).append(nodeString()).append('\n');
    List<T> children = children();
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      children.get(i).appendTreeChild(out, restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "));
    }
  }

  /** Indirection so the private recursion can reach a child typed as {@code T}. */
  default void appendTreeChild(StringBuilder out, String firstPrefix, String restPrefix) {
    appendTree(out, firstPrefix, restPrefix);
  }
}
