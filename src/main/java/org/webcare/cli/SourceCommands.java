package org.webcare.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.webcare.channel.ChannelType;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ReceivedPost;
import org.webcare.channel.SourceCheck;

/** {@code source check TYPE URL}: the posts a source would deliver now, as JSON Lines; nothing is stored. */
final class SourceCommands {

    private final PrintStream out;
    private final PrintStream err;

    SourceCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * @param allow the address guard's allow-list ({@code WEBCARE_FETCH_ALLOW})
     * @return 0 when the source answered, 1 when it was refused, unreachable or no feed
     */
    int run(List<String> args, String allow) {
        if (args.isEmpty() || !args.getFirst().equals("check")) {
            throw new Arguments.UsageException("what to do? check rss URL");
        }
        Arguments arguments = Arguments.parse(args.subList(1, args.size()), Set.of());
        arguments.allowOnly(Set.of());
        if (arguments.positional().size() != 2 || !arguments.positional().getFirst().equalsIgnoreCase("rss")) {
            throw new Arguments.UsageException("check rss URL (rss is the only source type so far)");
        }
        String url = arguments.positional().get(1);
        SourceCheck.Result result;
        try {
            result = SourceCheck.check(ChannelType.RSS, Map.of("url", url), allow);
        } catch (ConnectorException e) {
            err.println("webcare source check: " + e.getMessage()
                    + (e instanceof ConnectorException.Transient ? " (this may pass later)" : ""));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("webcare source check: " + e.getMessage());
            return 1;
        }
        for (ReceivedPost post : result.posts()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("externalId", post.externalId());
            line.put("url", post.url());
            line.put("title", post.title());
            line.put("text", post.text());
            line.put("author", post.authorHandle());
            line.put("publishedAt", result.dated(post) ? post.createdAt().toString() : null);
            out.println(JsonLines.JSON.writeValueAsString(line));
        }
        out.flush();
        err.printf(Locale.ROOT, "%d posts from %s%n", result.posts().size(), url);
        return 0;
    }
}
