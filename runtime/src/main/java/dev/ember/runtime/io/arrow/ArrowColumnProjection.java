package dev.ember.runtime.io.arrow;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Picks some top-level columns out of a record batch before it is loaded into vectors, so columns a
 * query does not need are never decompressed or put into vectors. A record batch lists its field
 * nodes and buffers depth-first in schema order; each column's share is fixed by its type.
 */
final class ArrowColumnProjection {
  private final Schema projectedSchema;
  private final int[] nodeStarts;
  private final int[] nodeCounts;
  private final int[] bufferStarts;
  private final int[] bufferCounts;

  private ArrowColumnProjection(Schema projectedSchema, int[] nodeStarts, int[] nodeCounts, int[] bufferStarts,
      int[] bufferCounts) {
    this.projectedSchema = projectedSchema;
    this.nodeStarts = nodeStarts;
    this.nodeCounts = nodeCounts;
    this.bufferStarts = bufferStarts;
    this.bufferCounts = bufferCounts;
  }

  /**
   * The projection onto {@code columns} (positions in {@code fileSchema}, in any order, repeats
   * allowed), kept in file order; null when the schema has types whose buffer count varies per batch
   * (string and binary views), which must be loaded whole.
   */
  static ArrowColumnProjection of(Schema fileSchema, int[] columns) {
    List<Field> fields = fileSchema.getFields();
    for (Field field : fields) {
      if (!hasFixedBufferCount(field)) {
        return null;
      }
    }
    TreeSet<Integer> kept = new TreeSet<>();
    for (int column : columns) {
      kept.add(column);
    }
    int size = kept.size();
    int[] nodeStarts = new int[size];
    int[] nodeCounts = new int[size];
    int[] bufferStarts = new int[size];
    int[] bufferCounts = new int[size];
    List<Field> projected = new ArrayList<>(size);
    int node = 0;
    int buffer = 0;
    int next = 0;
    for (int position = 0; position < fields.size(); position++) {
      Field field = fields.get(position);
      int nodes = nodeCount(field);
      int buffers = bufferCount(field);
      if (kept.contains(position)) {
        nodeStarts[next] = node;
        nodeCounts[next] = nodes;
        bufferStarts[next] = buffer;
        bufferCounts[next] = buffers;
        projected.add(field);
        next++;
      }
      node += nodes;
      buffer += buffers;
    }
    return new ArrowColumnProjection(new Schema(projected), nodeStarts, nodeCounts, bufferStarts, bufferCounts);
  }

  /** The kept columns, in file order: the schema of {@link #project}'s batches. */
  Schema projectedSchema() {
    return projectedSchema;
  }

  /** A record batch of just the kept columns, sharing {@code batch}'s buffers; the caller closes both. */
  ArrowRecordBatch project(ArrowRecordBatch batch) {
    List<ArrowFieldNode> nodes = new ArrayList<>();
    List<ArrowBuf> buffers = new ArrayList<>();
    for (int column = 0; column < nodeStarts.length; column++) {
      nodes.addAll(batch.getNodes().subList(nodeStarts[column], nodeStarts[column] + nodeCounts[column]));
      buffers.addAll(batch.getBuffers().subList(bufferStarts[column], bufferStarts[column] + bufferCounts[column]));
    }
    return new ArrowRecordBatch(batch.getLength(), nodes, buffers, batch.getBodyCompression());
  }

  private static boolean hasFixedBufferCount(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Utf8View || type instanceof ArrowType.BinaryView) {
      return false;
    }
    return field.getChildren().stream().allMatch(ArrowColumnProjection::hasFixedBufferCount);
  }

  private static int nodeCount(Field field) {
    int count = 1;
    for (Field child : field.getChildren()) {
      count += nodeCount(child);
    }
    return count;
  }

  private static int bufferCount(Field field) {
    // A dictionary-encoded column's buffers are those of its indexes.
    ArrowType type = field.getDictionary() != null ? field.getDictionary().getIndexType() : field.getType();
    int count = TypeLayout.getTypeBufferCount(type);
    for (Field child : field.getChildren()) {
      count += bufferCount(child);
    }
    return count;
  }
}
