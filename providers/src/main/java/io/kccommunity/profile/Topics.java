package io.kccommunity.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.support.Bundles;
import io.kccommunity.support.LocalizedNames;
import io.kccommunity.support.RealmJson;
import io.kccommunity.web.CommunityError;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.models.RealmModel;

/**
 * The community's interest topics: the options of the profile field {@code interests}, each with its
 * names per language. Kept as one realm attribute; the user profile and the realm's localization texts
 * follow it ({@link TopicLabels}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Topics(List<Topic> topics) {

    static final String ATTRIBUTE = "community.topics";
    /** The message key of a topic's name, in our bundles and in the realm's localization texts. */
    static final String KEY = "communityTopic.";
    static final int MAX_TOPICS = 100;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final List<String> DEFAULT_IDS = List.of("getting-started", "how-to", "showcase", "events", "feedback");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Topic(String id, Map<String, String> names) {
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_IDS.stream().map(id -> new Topic(id, bundled(id))).toList());
    }

    public static Topics read(RealmModel realm) {
        return RealmJson.readShared(realm, ATTRIBUTE, Topics.class, stored -> stored == null ? defaults() : stored);
    }

    void write(RealmModel realm) {
        RealmJson.write(realm, ATTRIBUTE, this);
    }

    /** The whole list, checked: 400 {@code invalid_topics} naming the field. */
    Topics checked() {
        if (topics == null || topics.size() > MAX_TOPICS) {
            throw invalid("topics must be a list of at most " + MAX_TOPICS + " topics");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            Topic topic = topics.get(i);
            if (topic == null || topic.id == null || !ID.matcher(topic.id).matches()) {
                throw invalid("topics[" + i + "].id must be 1-64 of a-z 0-9 . _ - starting with a letter or digit");
            }
            if (!ids.add(topic.id)) {
                throw invalid("topics[" + i + "].id '" + topic.id + "' is given twice");
            }
            LocalizedNames.checked("topics", "topics[" + i + "].names", topic.names);
        }
        return this;
    }

    public List<String> ids() {
        return topics.stream().map(Topic::id).toList();
    }

    /**
     * The names a topic is read by: its own, else ours when it is one of our default topics (also for
     * an option an admin added to the user profile directly); null when it has none.
     */
    Map<String, String> names(String id) {
        Topic own = topics.stream().filter(t -> t.id.equals(id)).findFirst().orElse(null);
        return own != null && own.names != null ? own.names : bundled(id);
    }

    /** The topic as a reader of {@code languages} reads it; its id when it has no name. */
    public String name(String id, List<String> languages) {
        String name = LocalizedNames.resolve(names(id), languages);
        return name == null ? id : name;
    }

    private static CommunityError invalid(String description) {
        return CommunityError.badRequest("invalid_topics", description);
    }

    private static Map<String, String> bundled(String id) {
        Map<String, String> names = Bundles.names(KEY + id);
        return names.isEmpty() ? null : names;
    }
}
