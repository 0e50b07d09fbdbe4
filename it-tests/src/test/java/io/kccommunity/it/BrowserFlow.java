package io.kccommunity.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for Keycloak's login pages: keeps cookies, follows the forms of the
 * authorization code flow (following Keycloak's own redirects, stopping at the app's) and returns
 * each page, so tests can assert on what a person would see.
 */
public final class BrowserFlow {

    public static final String REDIRECT_URI = "http://localhost/callback";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /**
     * Our own cookie jar: Keycloak marks its cookies Secure, which browsers honour on http://localhost
     * but Java's CookieManager does not.
     */
    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();
    private final String baseUrl;
    private Page page;

    public BrowserFlow(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Opens the realm's login page for the test app, in the given UI locale (or null). */
    public Page openLogin(String realm, String locale) {
        return open(realm, "auth", locale);
    }

    /** Opens the realm's registration page for the test app. */
    public Page openRegistration(String realm, String locale) {
        return open(realm, "registrations", locale);
    }

    private Page open(String realm, String endpoint, String locale) {
        String url = baseUrl + "/realms/" + realm + "/protocol/openid-connect/" + endpoint + "?client_id=" + TestRealm.APP
                + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + (locale == null ? "" : "&ui_locales=" + locale);
        return page = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public Page login(String username, String password) {
        return submit(Map.of("username", username, "password", password));
    }

    /** Submits the current page's form with these fields. */
    public Page submit(Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("no form on the page (" + page.status() + "):\n" + page.body());
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return page = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Page send(HttpRequest original) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(original, (name, value) -> true);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            String location = response.headers().firstValue("location").orElse(null);
            if ((response.statusCode() == 302 || response.statusCode() == 303) && location != null && location.startsWith(baseUrl)) {
                return send(HttpRequest.newBuilder(URI.create(location)).GET().build());
            }
            return new Page(response.statusCode(), response.body(), location);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer: a page, or a redirect ({@code location}). */
    public record Page(int status, String body, String location) {
        /** True once the flow has come back to the app with an authorization code. */
        public boolean reachedApp() {
            return status == 302 && location != null && location.startsWith(REDIRECT_URI) && location.contains("code=");
        }
    }
}
