package org.webcare.listening;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled query: a tree of the operators below. {@link #matches} is thread-safe; the tree is immutable.
 */
public sealed interface Query {

    boolean matches(MatchablePost post);

    /**
     * Terms of which a matching post must contain at least one (the presearcher's index keys), or {@code null} when
     * the query can match posts without any particular term (e.g. only a field filter).
     */
    Anchors anchors();

    /** Whether some post could match: a query of only negations matches everything it is not, which is no listening. */
    boolean needsSomething();

    /** Exact terms and prefixes a matching post contains at least one of. */
    record Anchors(Set<String> terms, Set<String> prefixes) {

        int weight() {
            // Prefixes are costlier to look up and match more posts: prefer exact terms.
            return terms.size() + 4 * prefixes.size();
        }
    }

    /** One word, hashtag, mention or emoji; {@code pattern} is set for wildcards, {@code exact} for exact case. */
    record Term(String folded, Pattern pattern, String exact, String prefix) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            if (exact != null) {
                return post.originals().contains(exact) || post.originals().contains("#" + exact);
            }
            if (pattern == null) {
                return post.distinctTerms().contains(folded) || post.distinctTerms().contains("#" + folded);
            }
            if (isPrefixOnly()) {
                // klant*: a plain prefix test, far cheaper than the regular expression.
                for (String term : post.distinctTerms()) {
                    if (term.startsWith(prefix)) {
                        return true;
                    }
                }
                return false;
            }
            for (String term : post.distinctTerms()) {
                if (pattern.matcher(term.startsWith("#") ? term.substring(1) : term).matches()) {
                    return true;
                }
            }
            return false;
        }

        private boolean isPrefixOnly() {
            return folded.length() == prefix.length() + 1 && folded.endsWith("*");
        }

        boolean matchesAt(MatchablePost post, int position) {
            String term = post.terms().get(position);
            String bare = term.startsWith("#") && !folded.startsWith("#") ? term.substring(1) : term;
            if (exact != null) {
                return post.originals().get(position).equals(exact);
            }
            return pattern == null ? bare.equals(folded) || term.equals(folded) : pattern.matcher(bare).matches();
        }

        @Override
        public Anchors anchors() {
            if (pattern == null) {
                return new Anchors(Set.of(folded), Set.of());
            }
            return prefix.length() >= 2 ? new Anchors(Set.of(), Set.of(prefix)) : null;
        }

        @Override
        public boolean needsSomething() {
            return true;
        }
    }

    /** Terms in this order with at most {@code slop} other terms between consecutive ones ({@code "a b"~3}). */
    record Phrase(List<Term> terms, int slop) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            // Every word of the phrase must be in the post at all before positions are worth comparing.
            for (Term term : terms) {
                if (!term.matches(post)) {
                    return false;
                }
            }
            for (int start = 0; start < post.terms().size(); start++) {
                if (terms.getFirst().matchesAt(post, start) && rest(post, 1, start)) {
                    return true;
                }
            }
            return false;
        }

        /** The positions of every occurrence of the phrase, for explanations (not on the matching path). */
        List<List<Integer>> occurrences(MatchablePost post) {
            List<List<Integer>> found = new java.util.ArrayList<>();
            for (int start = 0; start < post.terms().size(); start++) {
                if (terms.getFirst().matchesAt(post, start)) {
                    java.util.Deque<Integer> chain = new java.util.ArrayDeque<>();
                    chain.add(start);
                    if (chain(post, 1, start, chain)) {
                        found.add(List.copyOf(chain));
                    }
                }
            }
            return found;
        }

        private boolean chain(MatchablePost post, int index, int previous, java.util.Deque<Integer> chain) {
            if (index == terms.size()) {
                return true;
            }
            for (int at = previous + 1; at <= Math.min(post.terms().size() - 1, previous + 1 + slop); at++) {
                if (terms.get(index).matchesAt(post, at)) {
                    chain.addLast(at);
                    if (chain(post, index + 1, at, chain)) {
                        return true;
                    }
                    chain.removeLast();
                }
            }
            return false;
        }

        private boolean rest(MatchablePost post, int index, int previous) {
            if (index == terms.size()) {
                return true;
            }
            for (int at = previous + 1; at <= Math.min(post.terms().size() - 1, previous + 1 + slop); at++) {
                if (terms.get(index).matchesAt(post, at) && rest(post, index + 1, at)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Anchors anchors() {
            return terms.stream().map(Term::anchors).filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.comparingInt(Anchors::weight)).orElse(null);
        }

        @Override
        public boolean needsSomething() {
            return true;
        }
    }

    /** Two terms within {@code distance} terms of each other; {@code ordered}: the left one first. */
    record Near(Term left, Term right, int distance, boolean ordered) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            int size = post.terms().size();
            for (int i = 0; i < size; i++) {
                if (!left.matchesAt(post, i)) {
                    continue;
                }
                int from = ordered ? i + 1 : Math.max(0, i - distance);
                int to = Math.min(size - 1, i + distance);
                for (int j = from; j <= to; j++) {
                    if (j != i && right.matchesAt(post, j)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The positions of both terms of every pair within the distance, for explanations. */
        java.util.Set<Integer> positions(MatchablePost post) {
            java.util.Set<Integer> found = new java.util.TreeSet<>();
            int size = post.terms().size();
            for (int i = 0; i < size; i++) {
                if (!left.matchesAt(post, i)) {
                    continue;
                }
                int from = ordered ? i + 1 : Math.max(0, i - distance);
                int to = Math.min(size - 1, i + distance);
                for (int j = from; j <= to; j++) {
                    if (j != i && right.matchesAt(post, j)) {
                        found.add(i);
                        found.add(j);
                    }
                }
            }
            return found;
        }

        @Override
        public Anchors anchors() {
            Anchors l = left.anchors();
            Anchors r = right.anchors();
            return l == null ? r : r == null ? l : l.weight() <= r.weight() ? l : r;
        }

        @Override
        public boolean needsSomething() {
            return true;
        }
    }

    record And(List<Query> parts) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            for (Query part : parts) {
                if (!part.matches(post)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Anchors anchors() {
            return parts.stream().map(Query::anchors).filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.comparingInt(Anchors::weight)).orElse(null);
        }

        @Override
        public boolean needsSomething() {
            return parts.stream().anyMatch(Query::needsSomething);
        }
    }

    record Or(List<Query> parts) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            for (Query part : parts) {
                if (part.matches(post)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Anchors anchors() {
            Set<String> terms = new java.util.HashSet<>();
            Set<String> prefixes = new java.util.HashSet<>();
            for (Query part : parts) {
                Anchors anchors = part.anchors();
                if (anchors == null) {
                    return null;
                }
                terms.addAll(anchors.terms());
                prefixes.addAll(anchors.prefixes());
            }
            return new Anchors(terms, prefixes);
        }

        @Override
        public boolean needsSomething() {
            return parts.stream().allMatch(Query::needsSomething);
        }
    }

    record Not(Query part) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            return !part.matches(post);
        }

        @Override
        public Anchors anchors() {
            return null;
        }

        @Override
        public boolean needsSomething() {
            return false;
        }
    }

    /** {@code field:value}: author, lang, channel, site, sentiment, intent, addressed. */
    record Field(String name, String value) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            String actual = post.fields().get(name);
            if (actual == null) {
                return false;
            }
            return switch (name) {
                case "intent" -> List.of(actual.split("[ ,]+")).contains(value);
                case "site" -> actual.equals(value) || actual.endsWith("." + value);
                case "author" -> actual.replaceFirst("^@", "").equals(value.replaceFirst("^@", ""));
                default -> actual.equals(value);
            };
        }

        @Override
        public Anchors anchors() {
            return null;
        }

        @Override
        public boolean needsSomething() {
            return true;
        }
    }

    /** {@code followers:>1000} and the like. */
    record Followers(String operator, long value) implements Query {

        @Override
        public boolean matches(MatchablePost post) {
            if (post.followers() == null) {
                return false;
            }
            long f = post.followers();
            return switch (operator) {
                case ">" -> f > value;
                case ">=" -> f >= value;
                case "<" -> f < value;
                case "<=" -> f <= value;
                default -> f == value;
            };
        }

        @Override
        public Anchors anchors() {
            return null;
        }

        @Override
        public boolean needsSomething() {
            return true;
        }
    }
}
