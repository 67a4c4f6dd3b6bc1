package org.masrrepro.harness.run;

import org.masrrepro.datasets.util.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/** Prints progress lines (phase, done/total, loss, ETA), at most one per phase every few seconds, plus the last. */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final long minIntervalNanos;
    private String lastPhase = "";
    private long lastPrint;

    public ConsoleProgress(PrintStream out, double minIntervalSeconds) {
        this.out = out;
        this.minIntervalNanos = (long) (minIntervalSeconds * 1e9);
    }

    @Override
    public synchronized void onProgress(String phase, long done, long total, double loss, double etaSeconds) {
        long now = System.nanoTime();
        boolean last = done >= total;
        if (phase.equals(lastPhase) && !last && now - lastPrint < minIntervalNanos) {
            return;
        }
        lastPhase = phase;
        lastPrint = now;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %-10s %7d/%-7d %5.1f%%", phase, done, total,
                total > 0 ? 100.0 * done / total : 0));
        if (!Double.isNaN(loss)) {
            sb.append(String.format(Locale.ROOT, "  loss %.4f", loss));
        }
        if (!Double.isNaN(etaSeconds) && !last) {
            sb.append("  ETA ").append(formatDuration(etaSeconds));
        }
        out.println(sb);
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
