package org.webcare.intake;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.webcare.analysis.Analysis;
import org.webcare.analysis.DetectedLanguage;
import org.webcare.analysis.Sentiment;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/** How a post's analysis is kept in the {@code post} table's columns. */
final class AnalysisColumns {

    private AnalysisColumns() {
    }

    /** A PostgreSQL array literal of intent names, e.g. {@code {QUESTION,COMPLAINT}}. */
    static String intents(Set<Intent> intents) {
        return intents.stream().map(Intent::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    static Analysis read(ResultSet rs) throws SQLException {
        String sentiment = rs.getString("sentiment");
        if (sentiment == null) {
            return null;
        }
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        Array array = rs.getArray("intents");
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                intents.add(Intent.valueOf((String) name));
            }
        }
        String lang = rs.getString("lang");
        return new Analysis(new DetectedLanguage(lang == null ? DetectedLanguage.UNKNOWN : lang, rs.getDouble("lang_confidence")),
                new Sentiment(SentimentLabel.valueOf(sentiment), rs.getDouble("sentiment_score")), intents,
                rs.getBoolean("addressed"), rs.getInt("reach"));
    }
}
