package dev.llmstatus.probe;

import java.util.List;

/**
 * Nearest-rank percentiles: the one definition that probe and model rollups, snapshots and pages share, so that their
 * figures agree.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The index of the {@code p} percentile in a sorted array of {@code size} values. */
    public static int rank(int size, double p) {
        return Math.max(0, (int) Math.ceil(p * size) - 1);
    }

    /** The {@code p} percentile of the values, or {@code null} when there are none. */
    public static Long of(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[rank(sorted.length, p)];
    }

    /** The {@code p} percentile of the values, or {@code null} when there are none. */
    public static Double ofDoubles(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[rank(sorted.length, p)];
    }

}
