package vn.doan.benchmarks.national;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The PNG of a run, plain Java2D: above, each report's submit-to-top-of-tree latency against the time its
 * HTTP answer came (with the 2 s bar); below, every consumer group's lag and the JVM's CPU over the same time.
 */
final class LatencyChart {

    private static final int WIDTH = 1200;
    private static final int PANEL = 300;
    private static final int LEFT = 80;
    private static final int TOP = 40;
    private static final Color[] COLORS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd), Color.GRAY};

    /**
     * One report: when its HTTP answer came, in seconds since the load started, and how many milliseconds later the
     * centre counted it (negative: never, within the wait).
     */
    record Point(double atSeconds, double ms) {

        boolean reflected() {
            return ms >= 0;
        }
    }

    private LatencyChart() {
    }

    /** {@code points}: the reflected reports. */
    static void write(Path file, String title, List<Point> points, List<StackSampler.Sample> samples, double loadEnd) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, TOP + 2 * PANEL + 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));

        double maxX = Math.max(loadEnd, samples.isEmpty() ? 1 : samples.get(samples.size() - 1).atSeconds());
        for (Point p : points) {
            maxX = Math.max(maxX, p.atSeconds());
        }
        double maxY = 2000;
        for (Point p : points) {
            maxY = Math.max(maxY, p.ms());
        }
        int plotW = WIDTH - LEFT - 40;
        int y0 = TOP;
        axes(g, y0, plotW, maxX, maxY, "submit → centre, ms");
        g.setColor(new Color(0xff7f0e));
        g.drawLine(LEFT, y(y0, 2000, maxY), LEFT + plotW, y(y0, 2000, maxY));
        g.drawString("2 s bar", LEFT + plotW - 50, y(y0, 2000, maxY) - 3);
        g.setColor(new Color(31, 119, 180, 90));
        for (Point p : points) {
            g.fillRect(x(p.atSeconds(), maxX, plotW) - 1, y(y0, p.ms(), maxY) - 1, 3, 3);
        }
        marker(g, y0, plotW, loadEnd, maxX);

        int y1 = TOP + PANEL + 50;
        long maxLag = 10;
        for (StackSampler.Sample s : samples) {
            for (long lag : s.lagByGroup().values()) {
                maxLag = Math.max(maxLag, lag);
            }
        }
        axes(g, y1, plotW, maxX, maxLag, "consumer lag (committed offsets), records; dashed: JVM CPU, full height = 100%");
        List<String> groups = samples.isEmpty() ? List.of() : List.copyOf(samples.get(0).lagByGroup().keySet());
        for (int gi = 0; gi < groups.size(); gi++) {
            g.setColor(COLORS[gi % COLORS.length]);
            g.setStroke(new BasicStroke(2));
            for (int i = 1; i < samples.size(); i++) {
                StackSampler.Sample a = samples.get(i - 1);
                StackSampler.Sample b = samples.get(i);
                g.drawLine(x(a.atSeconds(), maxX, plotW), y(y1, a.lagByGroup().getOrDefault(groups.get(gi), 0L), maxLag),
                        x(b.atSeconds(), maxX, plotW), y(y1, b.lagByGroup().getOrDefault(groups.get(gi), 0L), maxLag));
            }
            g.drawString(groups.get(gi), LEFT + 10 + gi * 170, y1 + PANEL + 45);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {4, 4}, 0));
        for (int i = 1; i < samples.size(); i++) {
            StackSampler.Sample a = samples.get(i - 1);
            StackSampler.Sample b = samples.get(i);
            g.drawLine(x(a.atSeconds(), maxX, plotW), y1 + PANEL - (int) (Math.max(0, a.processCpu()) * PANEL),
                    x(b.atSeconds(), maxX, plotW), y1 + PANEL - (int) (Math.max(0, b.processCpu()) * PANEL));
        }
        g.setStroke(new BasicStroke(1));
        marker(g, y1, plotW, loadEnd, maxX);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void axes(Graphics2D g, int top, int plotW, double maxX, double maxY, String label) {
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, top, plotW, PANEL);
        g.drawString(label, LEFT, top - 4);
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            g.drawString(String.format("%,.0f", v), 5, y(top, v, maxY) + 4);
            double t = maxX * i / 4;
            g.drawString(String.format("%.0f s", t), x(t, maxX, plotW) - 10, top + PANEL + 14);
        }
    }

    private static void marker(Graphics2D g, int top, int plotW, double loadEnd, double maxX) {
        g.setColor(Color.GRAY);
        g.drawLine(x(loadEnd, maxX, plotW), top, x(loadEnd, maxX, plotW), top + PANEL);
        g.drawString("load stops", x(loadEnd, maxX, plotW) + 3, top + 12);
    }

    private static int x(double seconds, double maxX, int plotW) {
        return LEFT + (int) (seconds / maxX * plotW);
    }

    private static int y(int top, double value, double max) {
        return top + PANEL - (int) (Math.min(value, max) / max * PANEL);
    }
}
