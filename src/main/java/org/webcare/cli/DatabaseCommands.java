package org.webcare.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.NewChannel;
import org.webcare.identity.ApiTokens;
import org.webcare.identity.Role;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;
import tools.jackson.databind.ObjectMapper;

/** Commands that set Webcare up from a shell: channels, users and API tokens. Results are printed as JSON. */
@Component
class DatabaseCommands {

    private final Channels channels;
    private final Users users;
    private final ApiTokens tokens;
    private final ObjectMapper json;

    DatabaseCommands(Channels channels, Users users, ApiTokens tokens, ObjectMapper json) {
        this.channels = channels;
        this.users = users;
        this.tokens = tokens;
        this.json = json;
    }

    int run(String command, String action, List<String> args) {
        String full = command + " " + action;
        return switch (full) {
            case "channel add" -> addChannel(Arguments.parse(args, Set.of("no-private")));
            case "channel list" -> print(channels.channels());
            case "token create" -> createToken(Arguments.parse(args, Set.of()));
            case "user add" -> addUser(Arguments.parse(args, Set.of()));
            default -> throw new Arguments.UsageException("unknown command '" + full
                    + "' (known: channel add, channel list, token create, user add)");
        };
    }

    private int addChannel(Arguments args) {
        args.allowOnly(Set.of("brand", "name", "callback", "type", "no-private", "handles"));
        String brandName = args.required("brand");
        List<String> handles = Channels.parseHandles(args.option("handles").orElse(null));
        Brand brand = channels.brandNamed(brandName).orElseGet(() -> channels.createBrand(brandName, handles));
        if (!handles.isEmpty() && !handles.equals(brand.handles())) {
            brand = channels.changeHandles(brand.id(), handles);
        }
        ChannelType type = ChannelType.valueOf(args.option("type").orElse("api").toUpperCase(Locale.ROOT));
        NewChannel created = channels.createChannel(brand.id(), type, args.required("name"),
                args.option("callback").orElse(null), !args.flag("no-private"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("channel", created.channel());
        result.put("secret", created.secret());
        result.put("postsUrl", "/api/v1/channels/" + created.channel().id() + "/posts");
        return print(result);
    }

    private int createToken(Arguments args) {
        args.allowOnly(Set.of("email", "name"));
        WebcareUser user = users.findByEmail(args.required("email"))
                .orElseThrow(() -> new IllegalArgumentException("email: no user with " + args.required("email")));
        return print(Map.of("user", user.email(), "token", tokens.create(user.id(), args.option("name").orElse("cli"))));
    }

    private int addUser(Arguments args) {
        args.allowOnly(Set.of("email", "name", "role"));
        String roleName = args.option("role").orElse("agent");
        Role role;
        try {
            role = Role.valueOf(roleName.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role: must be agent, team-lead or admin, got '" + roleName + "'");
        }
        String password = System.getenv("WEBCARE_NEW_PASSWORD");
        if (password == null) {
            System.err.println("Password for the new user (one line on standard input):");
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not read the password: " + e.getMessage());
            }
        }
        WebcareUser user = users.create(args.required("email"), args.option("name").orElse(null), password, role);
        return print(Map.of("id", user.id(), "email", user.email(), "role", user.role()));
    }

    private int print(Object result) {
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }
}
