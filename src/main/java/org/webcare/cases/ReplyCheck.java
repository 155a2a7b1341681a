package org.webcare.cases;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a draft reply before it is sent: personal data in a public reply (IBAN, BSN, phone number, e-mail address,
 * postal code with house number, order number), the brand's tone of voice (Dutch {@code u} or {@code je}) and style
 * (capitals, exclamation marks, emoji). Immutable and thread-safe. See docs/reply-checks.md for the rules.
 */
public final class ReplyCheck {

    /** Kinds that are personal data: a public reply with one of these is refused. */
    public static final Set<String> PERSONAL_DATA = Set.of("iban", "bsn", "phone", "email", "address", "order");

    /** How a brand addresses its customers in Dutch. */
    public enum Tone {
        FORMAL, PERSONAL;

        /** {@code formal} or {@code personal}, any case. */
        public static Tone parse(String value) {
            if (value != null) {
                for (Tone tone : values()) {
                    if (tone.name().equalsIgnoreCase(value.strip())) {
                        return tone;
                    }
                }
            }
            throw new IllegalArgumentException("tone: '" + value + "' is not formal or personal");
        }
    }

    /**
     * One finding.
     *
     * @param kind    iban, bsn, phone, email, address, order, tone or style
     * @param text    the offending part, exactly as written in the draft
     * @param message why, in English
     */
    public record Finding(String kind, String text, String message) {

        public boolean isPersonalData() {
            return PERSONAL_DATA.contains(kind);
        }
    }

    private static final String GO_PRIVATE = "; reply privately instead";

    private static final Pattern IBAN = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){11,30}");
    /** Lengths of the countries customers mention most; other countries: the longest prefix that passes mod-97. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(Map.entry("NL", 18), Map.entry("BE", 16),
            Map.entry("DE", 22), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("ES", 24), Map.entry("IT", 27),
            Map.entry("LU", 20), Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("IE", 22), Map.entry("PT", 25),
            Map.entry("PL", 28), Map.entry("DK", 18), Map.entry("SE", 24), Map.entry("NO", 15), Map.entry("FI", 18));
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    private static final Pattern BSN = Pattern.compile("(?<![\\p{L}\\p{N}.,+-])(?:\\d{9}|\\d{3}\\.\\d{3}\\.\\d{3})(?![\\p{L}\\p{N}]|[.,-]\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+€$£.,:/-])(?:(?:\\+|00)[1-9]\\d{0,2}[ -]?(?:\\(0\\)[ -]?)?\\d(?:[ -]?\\d){5,12}"
                    + "|0\\d(?:[ -]?\\d){8}|\\(0\\d{1,3}\\)[ -]?\\d(?:[ -]?\\d){5,7})(?![\\p{L}\\p{N}]|[.,:/-]\\d)");
    /** Dutch postal code: four digits (no leading zero) and two letters; lower-case letters only when written together. */
    private static final String POSTCODE = "[1-9]\\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![\\p{L}\\p{N}])";
    private static final String HOUSE_NUMBER = "\\d{1,5}(?:[ -]?[a-zA-Z](?![\\p{L}\\p{N}]))?(?![\\p{N}])";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + POSTCODE + ",? *(?:nr\\.? ?|huisnummer )?" + HOUSE_NUMBER
                    + "|\\p{Lu}[\\p{L}'.-]+ " + HOUSE_NUMBER + ",? *" + POSTCODE + ")");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Pattern CAPITALS = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}{2,}(?:\\s+\\p{Lu}{2,})*(?![\\p{L}\\p{N}])");
    private static final Pattern EXCLAMATION = Pattern.compile("[^\\s!?]*[!?]*![!?]*");
    private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");

    /** Up to four capitals (KPN, ING, NS, ANWB, HEMA) is an acronym; five or more is shouting. */
    static final int MAX_ACRONYM = 4;
    static final int MAX_EMOJI = 3;

    private static final Set<String> FORMAL = Set.of("u", "uw", "uzelf");
    private static final Set<String> PERSONAL = Set.of("je", "jij", "jou", "jouw", "jezelf", "jullie");
    private static final Set<String> DUTCH = Set.of("de", "het", "een", "en", "niet", "wij", "voor", "met", "van", "op",
            "dat", "die", "naar", "zijn", "heeft", "hebt", "kunt", "kun", "graag", "bedankt", "excuses", "vervelend",
            "ons", "onze", "wat", "dit", "ook", "nog", "maar", "als", "bij", "er", "te", "wordt", "even", "hoi", "hallo",
            "groet", "dank", "mag", "wil", "ik", "jouw", "uw", "jij", "je", "u", "sturen", "stuur", "helpen", "direct");
    private static final Set<String> ENGLISH = Set.of("the", "a", "and", "not", "for", "with", "of", "to", "you", "your",
            "that", "please", "thanks", "thank", "sorry", "this", "are", "our", "can", "will", "be", "it", "us", "hi",
            "hello", "send", "help", "have", "has", "been", "would", "could", "what", "just", "we're", "you're", "i'm");

    private final Pattern orderNumbers;

    /** @param orderNumbers what an order number looks like, or {@code null} when order numbers are not checked */
    public ReplyCheck(Pattern orderNumbers) {
        this.orderNumbers = orderNumbers;
    }

    /** @param orderNumberPattern a regular expression; empty or {@code null}: order numbers are not checked */
    public static ReplyCheck withOrderNumbers(String orderNumberPattern) {
        return new ReplyCheck(orderNumberPattern == null || orderNumberPattern.isBlank() ? null : Pattern.compile(orderNumberPattern));
    }

    /**
     * The findings in a draft, in the order they occur. Personal data is reported for public replies only.
     *
     * @param tone the brand's tone; {@code null}: only a mix of both forms is reported
     */
    public List<Finding> check(String draft, Tone tone, boolean isPublic) {
        if (draft == null || draft.isBlank()) {
            return List.of();
        }
        List<Located> found = new ArrayList<>();
        if (isPublic) {
            personalData(draft, found);
        }
        if (isDutch(draft)) {
            tone(draft, tone, found);
        }
        style(draft, found);
        found.sort(Comparator.comparingInt(Located::start));
        return found.stream().map(Located::finding).toList();
    }

    /** The personal-data findings only: what makes a public reply refused. */
    public List<Finding> personalData(String draft) {
        return check(draft, null, true).stream().filter(Finding::isPersonalData).toList();
    }

    private void personalData(String draft, List<Located> found) {
        Matcher iban = IBAN.matcher(draft);
        int from = 0;
        while (from < draft.length() && iban.find(from)) {
            // A candidate may run on into the next words: look again right after the IBAN (or its first character).
            int end = validIbanEnd(draft, iban.start(), iban.end());
            if (end > 0) {
                add(found, draft, "iban", iban.start(), end, "looks like a bank account number (IBAN)");
            }
            from = end > 0 ? end : iban.start() + 1;
        }
        scan(found, draft, EMAIL, "email", "is an e-mail address");
        if (orderNumbers != null) {
            scan(found, draft, orderNumbers, "order", "looks like an order number");
        }
        Matcher bsn = BSN.matcher(draft);
        while (bsn.find()) {
            if (elevenCheck(bsn.group().replace(".", ""))) {
                add(found, draft, "bsn", bsn.start(), bsn.end(), "looks like a citizen service number (BSN)");
            }
        }
        Matcher phone = PHONE.matcher(draft);
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            boolean international = phone.group().startsWith("+") || phone.group().startsWith("00");
            if (international ? digits.length() >= 9 : digits.length() == 10 && !serviceNumber(digits)) {
                add(found, draft, "phone", phone.start(), phone.end(), "looks like a phone number");
            }
        }
        scan(found, draft, ADDRESS, "address", "looks like an address (postal code and house number)");
    }

    private static void scan(List<Located> found, String draft, Pattern pattern, String kind, String what) {
        Matcher matcher = pattern.matcher(draft);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                add(found, draft, kind, matcher.start(), matcher.end(), what);
            }
        }
    }

    /** Adds personal data unless an earlier, more specific kind already covers part of it. */
    private static void add(List<Located> found, String draft, String kind, int start, int end, String what) {
        for (Located other : found) {
            if (start < other.end() && other.start() < end) {
                return;
            }
        }
        String text = draft.substring(start, end);
        found.add(new Located(start, end, new Finding(kind, text, "'" + text + "' " + what
                + " and must not be in a public reply" + GO_PRIVATE)));
    }

    /** End of the valid IBAN that starts at {@code start}, or -1; a candidate may run on into the next word. */
    static int validIbanEnd(String draft, int start, int end) {
        StringBuilder compact = new StringBuilder();
        List<Integer> ends = new ArrayList<>();
        for (int i = start; i < end; i++) {
            char c = draft.charAt(i);
            if (c != ' ') {
                compact.append(Character.toUpperCase(c));
                ends.add(i + 1);
            }
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        for (int n = compact.length(); n >= 15; n--) {
            if ((length == null || n == length) && mod97(compact.substring(0, n))) {
                int last = ends.get(n - 1);
                boolean wordEnds = last == draft.length() || !Character.isLetterOrDigit(draft.charAt(last));
                return wordEnds ? last : -1;
            }
        }
        return -1;
    }

    /** ISO 13616: the country and check digits moved to the end, letters as 10..35, the number mod 97 is 1. */
    static boolean mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** The BSN 11-check: digits weighted 9..2 and the last -1, the sum divisible by 11 and not zero. */
    static boolean elevenCheck(String nine) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nine.charAt(i) - '0');
        }
        sum -= nine.charAt(8) - '0';
        return sum != 0 && sum % 11 == 0;
    }

    /** Companies' own numbers (0800 free, 090x paid) are meant to be shared. */
    private static boolean serviceNumber(String digits) {
        return digits.startsWith("0800") || digits.startsWith("090");
    }

    static boolean isDutch(String draft) {
        int dutch = 0;
        int english = 0;
        Matcher word = WORD.matcher(draft);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            if (DUTCH.contains(w)) {
                dutch++;
            } else if (ENGLISH.contains(w)) {
                english++;
            }
        }
        return dutch > english;
    }

    private static void tone(String draft, Tone tone, List<Located> found) {
        List<int[]> formal = new ArrayList<>();
        List<int[]> personal = new ArrayList<>();
        Matcher word = WORD.matcher(draft);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            if (FORMAL.contains(w)) {
                formal.add(new int[] {word.start(), word.end()});
            } else if (PERSONAL.contains(w)) {
                personal.add(new int[] {word.start(), word.end()});
            }
        }
        boolean mixed = !formal.isEmpty() && !personal.isEmpty();
        Tone wanted = tone != null ? tone : formal.size() >= personal.size() ? Tone.FORMAL : Tone.PERSONAL;
        if (tone == null && !mixed) {
            return;
        }
        List<int[]> wrong = wanted == Tone.FORMAL ? personal : formal;
        String use = wanted == Tone.FORMAL ? "address the customer formally with u/uw" : "address the customer personally with je/jij/jouw";
        for (int[] at : wrong) {
            String text = draft.substring(at[0], at[1]);
            String why = mixed ? "the reply mixes u and je: '" + text + "' " : "'" + text + "' ";
            String message = why + (tone == null ? "differs from the rest of the reply; " : "does not fit the brand's "
                    + tone.name().toLowerCase(Locale.ROOT) + " tone; ") + use;
            found.add(new Located(at[0], at[1], new Finding("tone", text, message)));
        }
    }

    private static void style(String draft, List<Located> found) {
        Matcher capitals = CAPITALS.matcher(draft);
        while (capitals.find()) {
            boolean shouting = false;
            for (String w : capitals.group().split("\\s+")) {
                shouting |= w.length() > MAX_ACRONYM;
            }
            if (shouting) {
                found.add(new Located(capitals.start(), capitals.end(), new Finding("style", capitals.group(),
                        "'" + capitals.group() + "' is in capitals, which reads as shouting; write it in lower case")));
            }
        }
        Matcher exclamation = EXCLAMATION.matcher(draft);
        int count = 0;
        while (exclamation.find()) {
            count++;
            String text = exclamation.group();
            long marks = text.chars().filter(c -> c == '!').count();
            if (marks > 1) {
                found.add(new Located(exclamation.start(), exclamation.end(), new Finding("style", text,
                        "'" + text + "' has more than one exclamation mark in a row; one is enough")));
            } else if (count == 2) {
                found.add(new Located(exclamation.start(), exclamation.end(), new Finding("style", text,
                        "'" + text + "' is a second exclamation mark; use at most one per reply")));
            }
        }
        Matcher emoji = EMOJI.matcher(draft);
        int emojis = 0;
        while (emoji.find()) {
            if (++emojis == MAX_EMOJI + 1) {
                found.add(new Located(emoji.start(), emoji.end(), new Finding("style", emoji.group(),
                        "more than " + MAX_EMOJI + " emoji in one reply; keep it to a few")));
            }
        }
    }

    private record Located(int start, int end, Finding finding) {
    }
}
