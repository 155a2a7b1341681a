package org.webcare.analysis;

import java.util.Map;
import java.util.Set;

/**
 * The small closed word classes that change how sentiment words count, per language.
 *
 * @param boosters intensifiers (positive) and diminishers (negative), as a change of valence
 */
record LanguageRules(Set<String> negators, Map<String, Double> boosters, Set<String> contrasts, Set<String> sarcasmTags) {

    private static final double UP = 0.293;
    private static final double DOWN = -0.293;

    static final LanguageRules DUTCH = new LanguageRules(
            Set.of("niet", "geen", "nooit", "niks", "niets", "nergens", "zonder", "noch", "allerminst", "geeneens"),
            Map.ofEntries(
                    Map.entry("heel", UP), Map.entry("erg", UP), Map.entry("super", UP), Map.entry("echt", UP),
                    Map.entry("zeer", UP), Map.entry("enorm", UP), Map.entry("ontzettend", UP), Map.entry("ontiegelijk", UP),
                    Map.entry("vreselijk", UP), Map.entry("verschrikkelijk", UP), Map.entry("hartstikke", UP),
                    Map.entry("bijzonder", UP), Map.entry("extreem", UP), Map.entry("mega", UP), Map.entry("zo", UP),
                    Map.entry("zó", UP), Map.entry("totaal", UP), Map.entry("volledig", UP), Map.entry("helemaal", UP),
                    Map.entry("absoluut", UP), Map.entry("ongelooflijk", UP), Map.entry("waanzinnig", UP),
                    Map.entry("best", DOWN), Map.entry("beetje", DOWN), Map.entry("redelijk", DOWN), Map.entry("vrij", DOWN),
                    Map.entry("nogal", DOWN), Map.entry("enigszins", DOWN), Map.entry("iets", DOWN),
                    Map.entry("tamelijk", DOWN), Map.entry("matig", DOWN)),
            Set.of("maar", "echter", "desondanks"),
            Set.of("hoor"));

    static final LanguageRules ENGLISH = new LanguageRules(
            Set.of("not", "no", "never", "n't", "dont", "don't", "didnt", "didn't", "doesnt", "doesn't", "isnt", "isn't",
                    "wasnt", "wasn't", "arent", "aren't", "cant", "can't", "cannot", "couldn't", "couldnt", "won't", "wont",
                    "wouldn't", "wouldnt", "shouldn't", "haven't", "hasn't", "hadn't", "without", "nothing", "none",
                    "nobody", "neither", "nor", "nowhere", "hardly", "barely", "aint", "ain't"),
            Map.ofEntries(
                    Map.entry("very", UP), Map.entry("really", UP), Map.entry("so", UP), Map.entry("super", UP),
                    Map.entry("extremely", UP), Map.entry("totally", UP), Map.entry("absolutely", UP), Map.entry("completely", UP),
                    Map.entry("incredibly", UP), Map.entry("utterly", UP), Map.entry("truly", UP), Map.entry("most", UP),
                    Map.entry("such", UP), Map.entry("too", UP), Map.entry("highly", UP), Map.entry("hugely", UP),
                    Map.entry("kinda", DOWN), Map.entry("kind of", DOWN), Map.entry("slightly", DOWN), Map.entry("somewhat", DOWN),
                    Map.entry("barely", DOWN), Map.entry("fairly", DOWN), Map.entry("pretty", DOWN), Map.entry("rather", DOWN),
                    Map.entry("little", DOWN), Map.entry("sort of", DOWN)),
            Set.of("but", "however", "though", "yet", "although"),
            Set.of());

    static LanguageRules of(String language) {
        return "nl".equals(language) ? DUTCH : ENGLISH;
    }

    boolean negates(String word) {
        return negators.contains(word) || word.endsWith("n't");
    }

    double boost(String word) {
        Double value = boosters.get(word);
        return value == null ? 0 : value;
    }
}
