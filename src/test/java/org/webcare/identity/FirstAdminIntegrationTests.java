package org.webcare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.webcare.support.IntegrationTest;

/** A fresh installation: its own empty database inside the test run's PostgreSQL server, no admin configured. */
@TestPropertySource(properties = {"webcare.db.name=fresh_install", "webcare.demo=false"})
class FirstAdminIntegrationTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    FirstAdmin firstAdmin;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @Test
    void createsTheFirstAdministratorOnlyThroughTheOneTimeSetupLink() throws Exception {
        assertThat(users.count()).isZero();
        String setupPath = firstAdmin.ensure().orElseThrow();

        HttpResponse<String> wrongLink = get("/setup?token=guess");
        assertThat(wrongLink.body()).contains("not valid");

        HttpResponse<String> form = get(setupPath);
        String token = setupPath.substring(setupPath.indexOf('=') + 1);
        HttpResponse<String> created = post("/setup", "token=" + token + "&displayName=Ilse+Admin&email=ilse%40example.org"
                + "&password=een-lang-wachtwoord&passwordAgain=een-lang-wachtwoord&_csrf=" + csrf(form));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(users.findByEmail("ilse@example.org")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ADMIN));

        HttpResponse<String> again = get(setupPath);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(firstAdmin.ensure()).isEmpty();

        HttpResponse<String> login = get("/login");
        HttpResponse<String> signedIn = post("/login", "username=ilse%40example.org&password=een-lang-wachtwoord&_csrf=" + csrf(login));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));
        assertThat(get("/inbox").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field on the page").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
