package vn.doan.planservice.orgunit;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.web.ApiProblem;

/**
 * The levels of the Union's tree, from the top down, with their names ({@code doan.units.levels}): a child's level comes
 * later in this list than its parent's, and a plan may name any of them. Without configuration, the five of
 * {@link UnitLevel}. A code twice, a code not of {@link UnitLevel#CODE}'s form or a level without a name stops the service
 * at start.
 */
@ConfigurationProperties("doan.units")
public record UnitLevels(List<Level> levels) {

    /** One level: its code ({@code LIEN_CHI_DOAN}) and its Vietnamese name ({@code Liên chi đoàn}). */
    public record Level(String code, String name) {
    }

    /** The five levels of the Union's charter, which {@link UnitLevel} names. */
    public static final UnitLevels DEFAULT = new UnitLevels(null);

    public UnitLevels {
        levels = levels == null || levels.isEmpty() ? List.of(new Level("CENTRAL", "Trung ương Đoàn"), new Level("PROVINCE", "Tỉnh đoàn"),
                new Level("DISTRICT", "Huyện đoàn"), new Level("GRASSROOTS", "Đoàn cơ sở"), new Level("BRANCH", "Chi đoàn")) : List.copyOf(levels);
        Set<String> codes = new HashSet<>();
        for (Level level : levels) {
            UnitLevel.of(level.code());
            if (!codes.add(level.code()) || level.name() == null || level.name().isBlank()) {
                throw new IllegalArgumentException("doan.units.levels: " + level.code() + " is named twice or has no name");
            }
        }
    }

    public boolean isKnown(UnitLevel level) {
        return rank(level) >= 0;
    }

    /** The level's place from the top (0), or -1 for a level not configured. */
    public int rank(UnitLevel level) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(level.code())) {
                return i;
            }
        }
        return -1;
    }

    /** The level's configured name ("Liên chi đoàn"); its code for a level not configured. */
    public String name(UnitLevel level) {
        int rank = rank(level);
        return rank < 0 ? level.code() : levels.get(rank).name();
    }

    /** The configured level right below {@code level}; empty for the last one or a level not configured. */
    public Optional<UnitLevel> below(UnitLevel level) {
        int rank = rank(level);
        return rank < 0 || rank + 1 == levels.size() ? Optional.empty() : Optional.of(UnitLevel.of(levels.get(rank + 1).code()));
    }

    /** Refuses, with 422 naming {@code field}, a level this deployment is not configured with. */
    public void requireKnown(UnitLevel level, String field) {
        if (level != null && !isKnown(level)) {
            throw ApiProblem.invalid("unit.level-unknown", field, "Unknown level " + level + "; one of " + codes() + ".",
                    "Cấp " + level + " không có trong danh sách cấp của hệ thống: " + names() + ".");
        }
    }

    private String codes() {
        return String.join(", ", levels.stream().map(Level::code).toList());
    }

    String names() {
        return String.join(", ", levels.stream().map(l -> l.name() + " (" + l.code() + ")").toList());
    }
}
