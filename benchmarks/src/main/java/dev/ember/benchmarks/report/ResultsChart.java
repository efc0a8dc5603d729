package dev.ember.benchmarks.report;

import dev.ember.benchmarks.engines.Workload;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws per-benchmark median times as grouped bars (one group per workload, one bar per engine), one
 * panel per core count, on a logarithmic time axis so 50 ms and 50 s are both readable.
 */
public final class ResultsChart {
  private static final int MINIMUM_WIDTH = 1100;
  /** Room for three bars with their values and a label, so that all 22 TPC-H queries stay readable. */
  private static final int GROUP_WIDTH = 90;
  private static final int PANEL_HEIGHT = 380;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int BOTTOM = 50;
  private static final List<String> ENGINES = List.of("ember", "spark", "duckdb");
  private static final List<Color> COLORS = List.of(new Color(0xE4572E), new Color(0x4C78A8), new Color(0xB8A531));

  private ResultsChart() {}

  public static void write(Path file, String title, List<Timing> timings, List<Workload> workloads, List<Integer> cores)
      throws IOException {
    int width = Math.max(MINIMUM_WIDTH, LEFT + RIGHT + GROUP_WIDTH * workloads.size());
    BufferedImage image = new BufferedImage(width, PANEL_HEIGHT * cores.size() + 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.setColor(Color.BLACK);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      graphics.drawString(title, LEFT, 22);
      double min = timings.stream().mapToDouble(Timing::medianMillis).min().orElse(1);
      double max = timings.stream().mapToDouble(Timing::medianMillis).max().orElse(10);
      int lowDecade = (int) Math.floor(Math.log10(Math.max(min, 1e-3)));
      int highDecade = (int) Math.ceil(Math.log10(Math.max(max, 1e-3)));
      if (highDecade == lowDecade) {
        highDecade++;
      }
      for (int panel = 0; panel < cores.size(); panel++) {
        drawPanel(graphics, width, 30 + panel * PANEL_HEIGHT, cores.get(panel), timings, workloads, lowDecade, highDecade);
      }
    } finally {
      graphics.dispose();
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  private static void drawPanel(Graphics2D graphics, int width, int top, int cores, List<Timing> timings, List<Workload> workloads,
      int lowDecade, int highDecade) {
    int plotTop = top + TOP;
    int plotBottom = top + PANEL_HEIGHT - BOTTOM;
    int plotLeft = LEFT;
    int plotRight = width - RIGHT;
    graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    graphics.setColor(Color.BLACK);
    graphics.drawString(cores + (cores == 1 ? " core" : " cores") + " — median ms, log scale (lower is faster)", plotLeft, top + 30);

    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics metrics = graphics.getFontMetrics();
    for (int decade = lowDecade; decade <= highDecade; decade++) {
      int y = yOf(Math.pow(10, decade), plotTop, plotBottom, lowDecade, highDecade);
      graphics.setColor(new Color(0xDDDDDD));
      graphics.drawLine(plotLeft, y, plotRight, y);
      graphics.setColor(Color.DARK_GRAY);
      String label = formatMillis(Math.pow(10, decade));
      graphics.drawString(label, plotLeft - 8 - metrics.stringWidth(label), y + 4);
    }
    graphics.setColor(Color.BLACK);
    graphics.setStroke(new BasicStroke(1));
    graphics.drawLine(plotLeft, plotBottom, plotRight, plotBottom);
    graphics.drawLine(plotLeft, plotTop, plotLeft, plotBottom);

    int groupWidth = (plotRight - plotLeft) / workloads.size();
    int barWidth = Math.max(4, (groupWidth - 24) / ENGINES.size());
    for (int group = 0; group < workloads.size(); group++) {
      Workload workload = workloads.get(group);
      int groupLeft = plotLeft + group * groupWidth + 12;
      for (int engine = 0; engine < ENGINES.size(); engine++) {
        Optional<Timing> timing = find(timings, workload, ENGINES.get(engine), cores);
        if (timing.isEmpty()) {
          continue;
        }
        double millis = timing.get().medianMillis();
        int y = yOf(millis, plotTop, plotBottom, lowDecade, highDecade);
        int x = groupLeft + engine * barWidth;
        graphics.setColor(COLORS.get(engine));
        graphics.fillRect(x, y, barWidth - 2, plotBottom - y);
        graphics.setColor(Color.DARK_GRAY);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        String value = formatMillis(millis);
        FontMetrics small = graphics.getFontMetrics();
        graphics.drawString(value, x + (barWidth - 2 - small.stringWidth(value)) / 2, y - 3);
      }
      graphics.setColor(Color.BLACK);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      String label = workload.label();
      graphics.drawString(label, plotLeft + group * groupWidth + (groupWidth - metrics.stringWidth(label)) / 2, plotBottom + 18);
    }
    int legendX = plotRight - 260;
    for (int engine = 0; engine < ENGINES.size(); engine++) {
      graphics.setColor(COLORS.get(engine));
      graphics.fillRect(legendX + engine * 85, top + 20, 12, 12);
      graphics.setColor(Color.BLACK);
      graphics.drawString(displayName(ENGINES.get(engine)), legendX + engine * 85 + 16, top + 31);
    }
  }

  static String displayName(String engine) {
    return switch (engine) {
      case "ember" -> "Ember";
      case "spark" -> "Spark";
      case "duckdb" -> "DuckDB";
      default -> engine;
    };
  }

  private static Optional<Timing> find(List<Timing> timings, Workload workload, String engine, int cores) {
    return timings.stream()
        .filter(timing -> timing.workload() == workload && timing.engine().equals(engine) && timing.cores() == cores)
        .findFirst();
  }

  private static int yOf(double millis, int plotTop, int plotBottom, int lowDecade, int highDecade) {
    double position = (Math.log10(Math.max(millis, Math.pow(10, lowDecade))) - lowDecade) / (highDecade - lowDecade);
    return (int) Math.round(plotBottom - position * (plotBottom - plotTop));
  }

  private static String formatMillis(double millis) {
    if (millis >= 100_000) {
      return String.format(java.util.Locale.ROOT, "%.0f s", millis / 1000);
    }
    if (millis >= 1000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000);
    }
    return String.format(java.util.Locale.ROOT, millis >= 10 ? "%.0f ms" : "%.1f ms", millis);
  }
}
