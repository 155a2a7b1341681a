package org.webcare.analysis;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial logistic regression over {@link SentimentFeatures}, three classes (negative, neutral, positive).
 * Trained by {@link #train} deterministically (fixed order of examples), so the same data gives the same file.
 */
final class SentimentModel {

    static final String RESOURCE = "analysis/sentiment-en.model";
    private static final int CLASSES = 3;
    private static final int MAGIC = 0x57435331;

    private final float[][] sparse;
    private final double[][] dense;

    private SentimentModel(float[][] sparse, double[][] dense) {
        this.sparse = sparse;
        this.dense = dense;
    }

    /** Class probabilities: negative, neutral, positive. */
    double[] probabilities(int[] features, double[] denseFeatures) {
        double[] scores = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            double s = 0;
            for (int f : features) {
                s += sparse[c][f];
            }
            for (int d = 0; d < denseFeatures.length; d++) {
                s += dense[c][d] * denseFeatures[d];
            }
            scores[c] = s;
        }
        return softmax(scores);
    }

    /** One example: features, dense features and its class (0 negative, 1 neutral, 2 positive). */
    record Example(int[] features, double[] dense, int label) {
    }

    /** Stochastic gradient descent with L2, in the given order, epoch after epoch. */
    static SentimentModel train(List<Example> examples, int epochs, double learningRate, double l2) {
        float[][] sparse = new float[CLASSES][1 << SentimentFeatures.HASH_BITS];
        double[][] dense = new double[CLASSES][SentimentFeatures.DENSE];
        SentimentModel model = new SentimentModel(sparse, dense);
        for (int epoch = 0; epoch < epochs; epoch++) {
            double rate = learningRate / (1 + epoch);
            for (Example example : examples) {
                double[] p = model.probabilities(example.features(), example.dense());
                for (int c = 0; c < CLASSES; c++) {
                    double gradient = p[c] - (example.label() == c ? 1 : 0);
                    for (int f : example.features()) {
                        sparse[c][f] -= (float) (rate * (gradient + l2 * sparse[c][f]));
                    }
                    for (int d = 0; d < example.dense().length; d++) {
                        dense[c][d] -= rate * (gradient * example.dense()[d] + l2 * dense[c][d]);
                    }
                }
            }
        }
        return model;
    }

    void write(OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target))) {
            out.writeInt(MAGIC);
            out.writeInt(SentimentFeatures.HASH_BITS);
            out.writeInt(SentimentFeatures.DENSE);
            for (double[] row : dense) {
                for (double w : row) {
                    out.writeDouble(w);
                }
            }
            int used = 0;
            for (int f = 0; f < sparse[0].length; f++) {
                if (sparse[0][f] != 0 || sparse[1][f] != 0 || sparse[2][f] != 0) {
                    used++;
                }
            }
            out.writeInt(used);
            for (int f = 0; f < sparse[0].length; f++) {
                if (sparse[0][f] != 0 || sparse[1][f] != 0 || sparse[2][f] != 0) {
                    out.writeInt(f);
                    for (int c = 0; c < CLASSES; c++) {
                        out.writeFloat(sparse[c][f]);
                    }
                }
            }
        }
    }

    static SentimentModel read(InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(source))) {
            if (in.readInt() != MAGIC || in.readInt() != SentimentFeatures.HASH_BITS || in.readInt() != SentimentFeatures.DENSE) {
                throw new IOException("not a sentiment model of this version");
            }
            double[][] dense = new double[CLASSES][SentimentFeatures.DENSE];
            for (double[] row : dense) {
                for (int d = 0; d < row.length; d++) {
                    row[d] = in.readDouble();
                }
            }
            float[][] sparse = new float[CLASSES][1 << SentimentFeatures.HASH_BITS];
            int used = in.readInt();
            for (int i = 0; i < used; i++) {
                int f = in.readInt();
                for (int c = 0; c < CLASSES; c++) {
                    sparse[c][f] = in.readFloat();
                }
            }
            return new SentimentModel(sparse, dense);
        }
    }

    private static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
