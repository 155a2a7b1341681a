package org.webcare.listening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Why a post matches a query: the post's text cut into pieces, the pieces that made it match marked, and the field
 * conditions it met. Built for people: the UI renders the marked pieces as highlights (escaped, like all post text).
 *
 * @param segments the whole text in order; joined they give the text back
 * @param conditions the field filters the post met, e.g. {@code lang:nl} or {@code followers:>1000 (25300)}
 */
public record MatchExplanation(List<Segment> segments, List<String> conditions) {

    public MatchExplanation {
        segments = List.copyOf(segments);
        conditions = List.copyOf(conditions);
    }

    /** A piece of the post's text; {@code hit} when it is a term that made the query match. */
    public record Segment(String text, boolean hit) {
    }

    public boolean hasHits() {
        return segments.stream().anyMatch(Segment::hit);
    }

    /**
     * Explains the match, or returns {@code null} when the post does not match the query. Only parts that hold in the
     * post count: the terms of an {@code OR}'s matching branches, not those of its other branches, and nothing of a
     * {@code NOT}.
     */
    public static MatchExplanation of(Query query, MatchablePost post) {
        if (!query.matches(post)) {
            return null;
        }
        Set<Integer> positions = new TreeSet<>();
        List<String> conditions = new ArrayList<>();
        collect(query, post, positions, conditions);
        return new MatchExplanation(segments(post.text(), positions), conditions);
    }

    private static void collect(Query query, MatchablePost post, Set<Integer> positions, List<String> conditions) {
        switch (query) {
            case Query.Term term -> {
                for (int i = 0; i < post.terms().size(); i++) {
                    if (term.matchesAt(post, i)) {
                        positions.add(i);
                    }
                }
            }
            case Query.Phrase phrase -> phrase.occurrences(post).forEach(positions::addAll);
            case Query.Near near -> positions.addAll(near.positions(post));
            case Query.And and -> and.parts().forEach(part -> collect(part, post, positions, conditions));
            case Query.Or or -> or.parts().stream().filter(part -> part.matches(post))
                    .forEach(part -> collect(part, post, positions, conditions));
            case Query.Not ignored -> {
                // What a post does not contain cannot be shown in it.
            }
            case Query.Field field -> conditions.add(field.name() + ":" + field.value());
            case Query.Followers followers -> conditions.add("followers:" + followers.operator() + followers.value()
                    + " (" + post.followers() + ")");
        }
    }

    /** Cuts the text at the spans of the terms at {@code positions}, in the tokenisation the matcher used. */
    static List<Segment> segments(String text, Set<Integer> positions) {
        List<Segment> segments = new ArrayList<>();
        Matcher terms = MatchablePost.TERM.matcher(text);
        int position = 0;
        int written = 0;
        while (terms.find()) {
            if (positions.contains(position)) {
                if (terms.start() > written) {
                    segments.add(new Segment(text.substring(written, terms.start()), false));
                }
                segments.add(new Segment(terms.group(), true));
                written = terms.end();
            }
            position++;
        }
        if (written < text.length()) {
            segments.add(new Segment(text.substring(written), false));
        }
        return segments;
    }
}
