package vn.doan.notificationservice.template;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * Message texts by key and language, with {@code {placeholder}} substitution. Defaults ship in
 * {@code templates/notifications_<lang>.properties}; a Union office's edits are stored in {@code templates}
 * and win over them. Keys are e.g. {@code reminder.before.subject}, {@code reminder.before.body}.
 */
@Service
public class Templates {

    public static final String DEFAULT_LANGUAGE = "vi";
    public static final java.util.List<String> LANGUAGES = java.util.List.of("vi", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    @Document("templates")
    record Edited(@Id String id, String text) {
    }

    /** A message ready to send. */
    public record Rendered(String subject, String body) {
    }

    private final MongoTemplate mongo;
    private final Map<String, Map<String, String>> defaults = new TreeMap<>();

    Templates(MongoTemplate mongo) {
        this.mongo = mongo;
        LANGUAGES.forEach(lang -> defaults.put(lang, load(lang)));
    }

    /** The subject and body of a kind of message, e.g. {@code reminder.before}, in a language (Vietnamese if unknown). */
    public Rendered render(String kind, String language, Map<String, String> params) {
        return new Rendered(text(kind + ".subject", language, params), text(kind + ".body", language, params));
    }

    /** One text by its full key. */
    public String text(String key, String language, Map<String, String> params) {
        String lang = LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
        Edited edited = mongo.findById(lang + ":" + key, Edited.class);
        String template = edited != null ? edited.text() : defaults.get(lang).getOrDefault(key, defaults.get(DEFAULT_LANGUAGE).get(key));
        return substitute(template == null ? key : template, lang, params);
    }

    /**
     * Replaces each {@code {name}} by {@code params["<lang>:name"]} if present (a value already worded in that
     * language, e.g. a list of tasks), else by {@code params["name"]}; an unknown name stays as it is.
     */
    public static String substitute(String template, String language, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.getOrDefault(language + ":" + m.group(1), params.get(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every key of a language with the text in force, edited or default. */
    Map<String, String> all(String language) {
        Map<String, String> texts = new TreeMap<>(defaults.get(language));
        mongo.findAll(Edited.class).stream().filter(e -> e.id().startsWith(language + ":"))
                .forEach(e -> texts.put(e.id().substring(language.length() + 1), e.text()));
        return texts;
    }

    boolean known(String key) {
        return defaults.get(DEFAULT_LANGUAGE).containsKey(key);
    }

    void edit(String language, String key, String text) {
        mongo.save(new Edited(language + ":" + key, text));
    }

    void reset(String language, String key) {
        mongo.remove(new Edited(language + ":" + key, null));
    }

    /** The default texts of a language, as shipped (before any office edits them). */
    public static Map<String, String> load(String language) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Templates.class.getResourceAsStream("/templates/notifications_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((k, v) -> texts.put((String) k, (String) v));
        return texts;
    }
}
