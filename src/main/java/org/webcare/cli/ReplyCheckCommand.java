package org.webcare.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.webcare.cases.ReplyCheck;

/**
 * {@code check-reply --tone formal|personal [--public] [--order-pattern REGEX]}: checks a draft reply read from standard
 * input, without the server or the database. Prints one JSON line; findings are output, not errors, so the exit code is 0.
 */
final class ReplyCheckCommand {

    private final PrintStream out;

    ReplyCheckCommand(PrintStream out) {
        this.out = out;
    }

    int run(Arguments args, Reader draft) {
        args.allowOnly(Set.of("tone", "public", "order-pattern"));
        if (!args.positional().isEmpty()) {
            throw new Arguments.UsageException("the draft is read from standard input, not from '" + args.positional().getFirst() + "'");
        }
        String toneName = args.required("tone");
        ReplyCheck.Tone tone;
        try {
            tone = ReplyCheck.Tone.parse(toneName);
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException("--tone '" + toneName + "' is not formal or personal");
        }
        ReplyCheck check;
        try {
            check = ReplyCheck.withOrderNumbers(args.option("order-pattern").orElse(""));
        } catch (PatternSyntaxException e) {
            throw new Arguments.UsageException("--order-pattern is not a valid regular expression: " + e.getDescription());
        }
        String text;
        try {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = draft.read(buffer)) >= 0; ) {
                all.append(buffer, 0, n);
            }
            text = all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> findings = check.check(text, tone, args.flag("public")).stream().map(f -> {
            Map<String, String> finding = new LinkedHashMap<>();
            finding.put("kind", f.kind());
            finding.put("text", f.text());
            finding.put("message", f.message());
            return finding;
        }).toList();
        out.println(JsonLines.JSON.writeValueAsString(Map.of("findings", findings)));
        return 0;
    }
}
