package io.kccommunity.setup;

import io.kccommunity.support.Text;
import io.kccommunity.web.CommunityError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT .../community/config}: fields left out keep their current value; an empty
 * string clears an optional field.
 */
public record CommunityConfigUpdate(Boolean enabled, String joinPolicy, String name, String codeOfConductUrl,
                                    String codeOfConductVersion, Map<String, String> description,
                                    Map<String, List<String>> benefits, Boolean profileCompletionPostponable) {

    static final int MAX_NAME = 100;
    static final int MAX_URL = 2048;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** An update of the first settings only. */
    public CommunityConfigUpdate(Boolean enabled, String joinPolicy, String name, String codeOfConductUrl,
                                 String codeOfConductVersion) {
        this(enabled, joinPolicy, name, codeOfConductUrl, codeOfConductVersion, null, null, null);
    }

    /** Validates this update and applies it over {@code current}; throws a 400 naming the bad field. */
    public CommunityConfig applyTo(CommunityConfig current) {
        JoinPolicy policy = current.joinPolicy();
        if (joinPolicy != null) {
            policy = JoinPolicy.fromId(joinPolicy);
            if (policy == null) {
                throw invalid("joinPolicy", "must be one of open, approval, invite");
            }
        }
        return new CommunityConfig(
                enabled == null ? current.enabled() : enabled,
                policy,
                name == null ? current.name() : validName(name),
                codeOfConductUrl == null ? current.codeOfConductUrl() : validUrl(codeOfConductUrl),
                codeOfConductVersion == null ? current.codeOfConductVersion() : validVersion(codeOfConductVersion),
                current.pitch().with(description, benefits),
                profileCompletionPostponable == null ? current.profileCompletionPostponable() : profileCompletionPostponable);
    }

    private static String validName(String value) {
        return Text.clean("name", value, MAX_NAME);
    }

    private static String validUrl(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_URL) {
            throw invalid("codeOfConductUrl", "must be at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw invalid("codeOfConductUrl", "must be an absolute http or https URL");
            }
            return value;
        } catch (URISyntaxException e) {
            throw invalid("codeOfConductUrl", "must be an absolute http or https URL");
        }
    }

    private static String validVersion(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!VERSION.matcher(value).matches()) {
            throw invalid("codeOfConductVersion", "must be 1-32 characters of letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static CommunityError invalid(String field, String rule) {
        return Text.invalid(field, rule);
    }
}
