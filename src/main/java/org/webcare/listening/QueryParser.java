package org.webcare.listening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the listening query language (see {@code docs/query-language.md}) into a {@link Query}: terms,
 * {@code "phrases"~n}, implicit AND, {@code AND}, {@code OR}, {@code NOT}/{@code -term}, parentheses, wildcards
 * ({@code klant*}, {@code wacht?ijd}), {@code NEAR/n} and {@code ONEAR/n}, hashtags, mentions, emoji, {@code exact:}
 * and field filters. Errors name the position and what was expected.
 */
public final class QueryParser {

    static final Set<String> FIELDS = Set.of("author", "lang", "channel", "site", "sentiment", "intent", "addressed",
            "followers", "exact");
    private static final Pattern PROXIMITY = Pattern.compile("(O?NEAR)/(\\d{1,3})");
    private static final Pattern PHRASE_TERM = Pattern.compile("[#@]?[\\p{L}\\p{N}_*?]+(?:['’\\-][\\p{L}\\p{N}*?]+)*|\\p{So}");
    private static final Pattern FOLLOWERS = Pattern.compile("(>=|<=|>|<|=)?(\\d{1,12})");

    private final String source;
    private final List<Lexeme> lexemes;
    private int next;

    private QueryParser(String source) {
        this.source = source;
        this.lexemes = lex(source);
    }

    public static Query parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QueryException(-1, "the query is empty");
        }
        QueryParser parser = new QueryParser(query);
        Query parsed = parser.or();
        if (parser.next < parser.lexemes.size()) {
            Lexeme extra = parser.lexemes.get(parser.next);
            throw new QueryException(extra.position(), extra.kind() == Kind.CLOSE
                    ? "')' without a matching '('" : "expected AND, OR or the end of the query, found '" + extra.text() + "'");
        }
        if (!parsed.needsSomething()) {
            throw new QueryException(-1, "the query can never match anything specific: it has only NOT terms; "
                    + "add a term, phrase or field that must be present");
        }
        return parsed;
    }

    private Query or() {
        List<Query> parts = new ArrayList<>(List.of(and()));
        while (peek(Kind.OR)) {
            Lexeme or = lexemes.get(next++);
            if (next >= lexemes.size()) {
                throw new QueryException(or.position(), "expected a term after OR");
            }
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new Query.Or(List.copyOf(parts));
    }

    private Query and() {
        List<Query> parts = new ArrayList<>(List.of(unary()));
        while (next < lexemes.size()) {
            if (peek(Kind.AND)) {
                Lexeme and = lexemes.get(next++);
                if (next >= lexemes.size()) {
                    throw new QueryException(and.position(), "expected a term after AND");
                }
                parts.add(unary());
            } else if (peek(Kind.WORD) || peek(Kind.PHRASE) || peek(Kind.OPEN) || peek(Kind.NOT)) {
                parts.add(unary());
            } else {
                break;
            }
        }
        return parts.size() == 1 ? parts.getFirst() : new Query.And(List.copyOf(parts));
    }

    private Query unary() {
        if (peek(Kind.NOT)) {
            Lexeme not = lexemes.get(next++);
            if (next >= lexemes.size()) {
                throw new QueryException(not.position(), "expected a term after NOT");
            }
            return new Query.Not(unary());
        }
        if (peek(Kind.WORD) && lexemes.get(next).text().startsWith("-") && lexemes.get(next).text().length() > 1) {
            Lexeme word = lexemes.get(next++);
            return new Query.Not(word(new Lexeme(Kind.WORD, word.text().substring(1), word.position() + 1)));
        }
        Query left = primary();
        if (peek(Kind.PROXIMITY)) {
            Lexeme near = lexemes.get(next++);
            Matcher matcher = PROXIMITY.matcher(near.text());
            matcher.matches();
            if (!(left instanceof Query.Term leftTerm)) {
                throw new QueryException(near.position(), near.text() + " needs a single term on its left");
            }
            if (next >= lexemes.size()) {
                throw new QueryException(near.position(), "expected a term after " + near.text());
            }
            Query right = primary();
            if (!(right instanceof Query.Term rightTerm)) {
                throw new QueryException(near.position(), near.text() + " needs a single term on its right");
            }
            return new Query.Near(leftTerm, rightTerm, Integer.parseInt(matcher.group(2)), matcher.group(1).equals("ONEAR"));
        }
        return left;
    }

    private Query primary() {
        if (next >= lexemes.size()) {
            throw new QueryException(source.length() - 1, "expected a term, a \"phrase\" or '('");
        }
        Lexeme lexeme = lexemes.get(next++);
        return switch (lexeme.kind()) {
            case OPEN -> {
                if (peek(Kind.CLOSE)) {
                    throw new QueryException(lexeme.position(), "empty parentheses");
                }
                Query inner = or();
                if (!peek(Kind.CLOSE)) {
                    throw new QueryException(next < lexemes.size() ? lexemes.get(next).position() : source.length() - 1,
                            "expected ')' to close the '(' at position " + (lexeme.position() + 1));
                }
                next++;
                yield inner;
            }
            case PHRASE -> phrase(lexeme);
            case WORD -> word(lexeme);
            default -> throw new QueryException(lexeme.position(), "expected a term, a \"phrase\" or '(', found '" + lexeme.text() + "'");
        };
    }

    private Query phrase(Lexeme lexeme) {
        String text = lexeme.text();
        int slop = 0;
        int tilde = text.lastIndexOf("\"~");
        String inner;
        if (tilde > 0) {
            slop = Integer.parseInt(text.substring(tilde + 2));
            inner = text.substring(1, tilde);
        } else {
            inner = text.substring(1, text.length() - 1);
        }
        List<Query.Term> terms = new ArrayList<>();
        Matcher matcher = PHRASE_TERM.matcher(inner);
        while (matcher.find()) {
            terms.add(term(matcher.group(), lexeme.position()));
        }
        if (terms.isEmpty()) {
            throw new QueryException(lexeme.position(), "the phrase is empty");
        }
        return terms.size() == 1 && slop == 0 ? terms.getFirst() : new Query.Phrase(List.copyOf(terms), slop);
    }

    private Query word(Lexeme lexeme) {
        String text = lexeme.text();
        int colon = text.indexOf(':');
        if (colon > 0 && text.substring(0, colon).chars().allMatch(Character::isLetter)) {
            String field = text.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1);
            if (!FIELDS.contains(field)) {
                throw new QueryException(lexeme.position(), "unknown field '" + field + ":' (known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            }
            if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.isBlank()) {
                throw new QueryException(lexeme.position() + colon, "expected a value after '" + field + ":'");
            }
            return switch (field) {
                case "exact" -> new Query.Term(Text.fold(value), null, value, value);
                case "followers" -> {
                    Matcher matcher = FOLLOWERS.matcher(value);
                    if (!matcher.matches()) {
                        throw new QueryException(lexeme.position() + colon + 1, "expected a number like >1000, <=50 or 200 after 'followers:'");
                    }
                    yield new Query.Followers(matcher.group(1) == null ? "=" : matcher.group(1), Long.parseLong(matcher.group(2)));
                }
                case "addressed" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw new QueryException(lexeme.position() + colon + 1, "expected true or false after 'addressed:'");
                    }
                    yield new Query.Field(field, value.toLowerCase(Locale.ROOT));
                }
                default -> new Query.Field(field, value.toLowerCase(Locale.ROOT));
            };
        }
        return term(text, lexeme.position());
    }

    private static Query.Term term(String text, int position) {
        String folded = Text.fold(text);
        int wildcard = indexOfWildcard(folded);
        if (wildcard < 0) {
            return new Query.Term(folded, null, null, folded);
        }
        if (folded.replace("*", "").replace("?", "").isEmpty()) {
            throw new QueryException(position, "a wildcard needs letters around it");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : folded.toCharArray()) {
            if (c == '*') {
                regex.append("[\\p{L}\\p{N}'’\\-_]*");
            } else if (c == '?') {
                regex.append("[\\p{L}\\p{N}]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Query.Term(folded, Pattern.compile(regex.toString()), null, folded.substring(0, wildcard));
    }

    private static int indexOfWildcard(String text) {
        int star = text.indexOf('*');
        int question = text.indexOf('?');
        return star < 0 ? question : question < 0 ? star : Math.min(star, question);
    }

    private boolean peek(Kind kind) {
        return next < lexemes.size() && lexemes.get(next).kind() == kind;
    }

    private enum Kind { OPEN, CLOSE, PHRASE, WORD, AND, OR, NOT, PROXIMITY }

    private record Lexeme(Kind kind, String text, int position) {
    }

    private static List<Lexeme> lex(String source) {
        List<Lexeme> lexemes = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                lexemes.add(new Lexeme(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '"') {
                int end = source.indexOf('"', i + 1);
                if (end < 0) {
                    throw new QueryException(i, "the phrase starting here has no closing '\"'");
                }
                int stop = end + 1;
                if (stop < source.length() && source.charAt(stop) == '~') {
                    int digits = stop + 1;
                    while (digits < source.length() && Character.isDigit(source.charAt(digits))) {
                        digits++;
                    }
                    if (digits == stop + 1) {
                        throw new QueryException(stop, "expected a number after '~'");
                    }
                    stop = digits;
                }
                lexemes.add(new Lexeme(Kind.PHRASE, source.substring(i, stop), i));
                i = stop;
            } else {
                int start = i;
                boolean quoted = false;
                while (i < source.length() && (quoted || !(Character.isWhitespace(source.charAt(i)) || source.charAt(i) == '(' || source.charAt(i) == ')'))) {
                    if (source.charAt(i) == '"') {
                        quoted = !quoted;
                    }
                    i++;
                }
                String text = source.substring(start, i);
                Kind kind = switch (text) {
                    case "AND" -> Kind.AND;
                    case "OR" -> Kind.OR;
                    case "NOT" -> Kind.NOT;
                    default -> PROXIMITY.matcher(text).matches() ? Kind.PROXIMITY : Kind.WORD;
                };
                lexemes.add(new Lexeme(kind, text, start));
            }
        }
        return lexemes;
    }
}
