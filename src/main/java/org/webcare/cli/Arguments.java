package org.webcare.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Options of a command: {@code --name value}, {@code --name=value} and flags; anything else is positional. */
final class Arguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments() {
    }

    static Arguments parse(List<String> args, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                parsed.options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (flags.contains(name)) {
                parsed.options.put(name, "true");
            } else if (i + 1 < args.size()) {
                parsed.options.put(name, args.get(++i));
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
        }
        return parsed;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return option(name).filter(value -> !value.isBlank())
                .orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    List<String> positional() {
        return positional;
    }

    void allowOnly(Set<String> names) {
        for (String name : options.keySet()) {
            if (!names.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: " + String.join(", ", names.stream().map(n -> "--" + n).sorted().toList()) + ")");
            }
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
