package org.webcare.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Accuracy, macro-F1, per-class precision and recall and the confusion matrix of single-label predictions.
 */
public final class Evaluation {

    private final List<String> classes;
    private final long[][] confusion;
    private long total;

    public Evaluation(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.confusion = new long[classes.size()][classes.size()];
    }

    public void add(String expected, String predicted) {
        int e = classes.indexOf(expected);
        int p = classes.indexOf(predicted);
        if (e < 0) {
            throw new IllegalArgumentException("unknown label '" + expected + "' (expected one of " + classes + ")");
        }
        if (p < 0) {
            p = classes.size() - 1;
        }
        confusion[e][p]++;
        total++;
    }

    public long total() {
        return total;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < classes.size(); i++) {
            right += confusion[i][i];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        long actual = 0;
        for (long n : confusion[c]) {
            actual += n;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the classes that occur in the expected labels. */
    public double macroF1() {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < classes.size(); c++) {
            long actual = 0;
            for (long n : confusion[c]) {
                actual += n;
            }
            if (actual > 0) {
                sum += f1(c);
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** A readable report: figures, then the confusion matrix (rows: expected, columns: predicted). */
    public String report(String title) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s%n  n=%d  accuracy=%.3f  macro-F1=%.3f%n", title, total, accuracy(), macroF1()));
        for (int c = 0; c < classes.size(); c++) {
            out.append(String.format(Locale.ROOT, "  %-10s precision=%.3f recall=%.3f F1=%.3f%n", classes.get(c), precision(c), recall(c), f1(c)));
        }
        out.append("  confusion (rows expected, columns predicted):\n  ").append(String.format("%-10s", ""));
        classes.forEach(c -> out.append(String.format("%10s", c)));
        out.append('\n');
        for (int e = 0; e < classes.size(); e++) {
            out.append("  ").append(String.format("%-10s", classes.get(e)));
            for (int p = 0; p < classes.size(); p++) {
                out.append(String.format("%10d", confusion[e][p]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Per-intent precision, recall and F1 for multi-label predictions. */
    public static final class MultiLabel {

        private final List<String> labels;
        private final long[] truePositive;
        private final long[] falsePositive;
        private final long[] falseNegative;
        private long total;
        private long exact;

        public MultiLabel(List<String> labels) {
            this.labels = List.copyOf(labels);
            this.truePositive = new long[labels.size()];
            this.falsePositive = new long[labels.size()];
            this.falseNegative = new long[labels.size()];
        }

        public void add(java.util.Set<String> expected, java.util.Set<String> predicted) {
            for (int i = 0; i < labels.size(); i++) {
                boolean e = expected.contains(labels.get(i));
                boolean p = predicted.contains(labels.get(i));
                if (e && p) {
                    truePositive[i]++;
                } else if (p) {
                    falsePositive[i]++;
                } else if (e) {
                    falseNegative[i]++;
                }
            }
            total++;
            if (expected.equals(predicted)) {
                exact++;
            }
        }

        public String report(String title) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s%n  n=%d  exact match=%.3f  macro-F1=%.3f  micro-F1=%.3f%n",
                    title, total, total == 0 ? 0 : (double) exact / total, macroF1(), microF1()));
            for (int i = 0; i < labels.size(); i++) {
                out.append(String.format(Locale.ROOT, "  %-10s precision=%.3f recall=%.3f F1=%.3f (expected %d)%n", labels.get(i),
                        ratio(truePositive[i], truePositive[i] + falsePositive[i]), ratio(truePositive[i], truePositive[i] + falseNegative[i]),
                        f1(truePositive[i], falsePositive[i], falseNegative[i]), truePositive[i] + falseNegative[i]));
            }
            return out.toString();
        }

        public double macroF1() {
            double sum = 0;
            for (int i = 0; i < labels.size(); i++) {
                sum += f1(truePositive[i], falsePositive[i], falseNegative[i]);
            }
            return sum / labels.size();
        }

        public double microF1() {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < labels.size(); i++) {
                tp += truePositive[i];
                fp += falsePositive[i];
                fn += falseNegative[i];
            }
            return f1(tp, fp, fn);
        }

        private static double ratio(long a, long b) {
            return b == 0 ? 0 : (double) a / b;
        }

        private static double f1(long tp, long fp, long fn) {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
    }
}
