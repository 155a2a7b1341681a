package org.webcare.listening;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a post against many compiled queries. It does not evaluate every query on every post: an index of each
 * query's anchors (terms of which a match must contain at least one, the idea of Lucene Monitor's presearcher)
 * selects candidates from the post's distinct terms, and only those are evaluated. Queries without anchors (field
 * filters only, leading wildcards) are always candidates. Immutable once built; thread-safe.
 */
public final class QueryMatcher {

    private final List<String> ids = new ArrayList<>();
    private final List<Query> queries = new ArrayList<>();
    private final Map<String, int[]> byTerm;
    private final Map<String, int[]> byPrefix;
    private final int[] always;
    private final int[] prefixLengths;

    private QueryMatcher(Map<String, Query> compiled) {
        Map<String, List<Integer>> terms = new HashMap<>();
        Map<String, List<Integer>> prefixes = new HashMap<>();
        List<Integer> unanchored = new ArrayList<>();
        java.util.TreeSet<Integer> lengths = new java.util.TreeSet<>();
        for (Map.Entry<String, Query> entry : compiled.entrySet()) {
            int index = ids.size();
            ids.add(entry.getKey());
            queries.add(entry.getValue());
            Query.Anchors anchors = entry.getValue().anchors();
            if (anchors == null) {
                unanchored.add(index);
                continue;
            }
            anchors.terms().forEach(term -> terms.computeIfAbsent(term, k -> new ArrayList<>()).add(index));
            for (String prefix : anchors.prefixes()) {
                prefixes.computeIfAbsent(prefix, k -> new ArrayList<>()).add(index);
                lengths.add(prefix.length());
            }
        }
        this.byTerm = toArrays(terms);
        this.byPrefix = toArrays(prefixes);
        this.always = unanchored.stream().mapToInt(Integer::intValue).toArray();
        this.prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @param queries compiled queries by id, in the order matches are to be reported */
    public static QueryMatcher of(Map<String, Query> queries) {
        return new QueryMatcher(queries);
    }

    public int size() {
        return ids.size();
    }

    /** The ids of the queries the post matches, in the order the queries were given. */
    public List<String> match(MatchablePost post) {
        BitSet candidates = candidates(post);
        List<String> matched = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (queries.get(i).matches(post)) {
                matched.add(ids.get(i));
            }
        }
        return matched;
    }

    /** How many queries the presearcher selects for this post (the rest are never evaluated). */
    public int candidateCount(MatchablePost post) {
        return candidates(post).cardinality();
    }

    private BitSet candidates(MatchablePost post) {
        BitSet candidates = new BitSet(ids.size());
        for (int index : always) {
            candidates.set(index);
        }
        for (String term : post.distinctTerms()) {
            mark(byTerm.get(term), candidates);
            // Only the prefix lengths some query uses: a post's term is cut at most that many times.
            for (int length : prefixLengths) {
                if (length > term.length()) {
                    break;
                }
                mark(byPrefix.get(term.substring(0, length)), candidates);
            }
        }
        return candidates;
    }

    private static void mark(int[] indexes, BitSet candidates) {
        if (indexes != null) {
            for (int index : indexes) {
                candidates.set(index);
            }
        }
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> lists) {
        Map<String, int[]> arrays = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> arrays.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return arrays;
    }
}
