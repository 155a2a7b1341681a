package org.webcare.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** An expert as the tests play one: reads the consult e-mail and answers on the page its link opens, like a browser. */
public final class TestExpert {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+/consult/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    /** The form's CSRF token from the last page that had the form: it stays valid for the browser session. */
    private String csrf = "";

    /** The consult e-mail the expert received: the newest one about this question. */
    public static MimeMessage mailTo(String expert, String question) {
        Eventually.within(Duration.ofSeconds(15), "the consult e-mail reaches " + expert,
                () -> TestMailServer.to(expert).stream().anyMatch(mail -> TestMailServer.text(mail).contains(question)));
        List<MimeMessage> mails = TestMailServer.to(expert).stream()
                .filter(mail -> TestMailServer.text(mail).contains(question)).toList();
        return mails.getLast();
    }

    public static String link(MimeMessage mail) {
        Matcher matcher = LINK.matcher(TestMailServer.text(mail));
        if (!matcher.find()) {
            throw new AssertionError("no answer link in:\n" + TestMailServer.text(mail));
        }
        return matcher.group();
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> open(String link) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(link)).header("Accept-Language", "en").GET().build());
        Matcher form = CSRF.matcher(page.body());
        if (form.find()) {
            csrf = form.group(1);
        }
        return page;
    }

    /** Opens the page and sends the form on it, as a browser would (with the page's CSRF token). */
    public HttpResponse<String> answer(String link, String answer) {
        return answer(link, link, answer);
    }

    /**
     * Sends the answer form of the page at {@code pageLink} to {@code target}; when that page has no form any more
     * (answered meanwhile), as a second tab or the back button would send it.
     */
    public HttpResponse<String> answer(String pageLink, String target, String answer) {
        open(pageLink);
        String body = "_csrf=" + encode(csrf) + "&answer=" + encode(answer);
        return send(HttpRequest.newBuilder(URI.create(target)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
