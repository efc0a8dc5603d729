package dev.ember.runtime.sources;

import dev.ember.runtime.memory.Resources;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The morsels of several sources one after another: all of the first source's, then the second's. A
 * union reads its inputs through this, so an order-keeping sink sees the left rows before the right
 * ones, as Spark returns them. All parts must have the same column types; the first part's schema
 * names the columns.
 *
 * <p>Ownership: the source owns its parts and closes them all in {@link #close()}.
 */
public final class ConcatenatedSource implements BatchSource {
  private final List<BatchSource> parts;
  private final List<Morsel> morsels;

  public ConcatenatedSource(List<BatchSource> parts) {
    this.parts = List.copyOf(Objects.requireNonNull(parts, "parts is null"));
    if (this.parts.isEmpty()) {
      throw new IllegalArgumentException("a concatenated source needs at least one part");
    }
    List<Morsel> all = new ArrayList<>();
    for (int part = 0; part < this.parts.size(); part++) {
      for (Morsel morsel : this.parts.get(part).morsels()) {
        all.add(new PartMorsel(part, morsel));
      }
    }
    this.morsels = List.copyOf(all);
  }

  /** A morsel of one part. */
  public record PartMorsel(int part, Morsel morsel) implements Morsel {
    public PartMorsel {
      Objects.requireNonNull(morsel, "morsel is null");
    }

    @Override
    public String describe() {
      return "input " + (part + 1) + ": " + morsel.describe();
    }
  }

  @Override
  public StructType schema() {
    return parts.get(0).schema();
  }

  @Override
  public List<Morsel> morsels() {
    return morsels;
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    if (!(morsel instanceof PartMorsel partMorsel) || partMorsel.part() < 0 || partMorsel.part() >= parts.size()) {
      throw new IllegalArgumentException("morsel " + morsel.describe() + " does not belong to this source");
    }
    return parts.get(partMorsel.part()).open(partMorsel.morsel(), allocator);
  }

  @Override
  public void close() {
    Resources.closeAll(parts);
  }
}
