package vn.doan.events.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Level of an organisation unit in the Union, as a code: {@code "DISTRICT"}, {@code "LIEN_CHI_DOAN"}. The depth below a
 * province varies, and which levels exist, in which order and under which names, is plan-service's configuration
 * ({@code doan.units.levels}); here a level is only its code, so consumers compare levels for equality and never order
 * them. In JSON and in MongoDB a level is its code as a string, as it was when this was an enum of the five below.
 */
public record UnitLevel(String code) {

    /** Upper-case Latin letters, digits and underscores, starting with a letter, at most 40 characters. */
    public static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,39}$");

    /** Trung ương Đoàn. */
    public static final UnitLevel CENTRAL = new UnitLevel("CENTRAL");
    /** Tỉnh đoàn / Thành đoàn. */
    public static final UnitLevel PROVINCE = new UnitLevel("PROVINCE");
    /** Huyện đoàn, Thị đoàn, Đoàn trực thuộc. */
    public static final UnitLevel DISTRICT = new UnitLevel("DISTRICT");
    /** Đoàn cơ sở. */
    public static final UnitLevel GRASSROOTS = new UnitLevel("GRASSROOTS");
    /** Chi đoàn. */
    public static final UnitLevel BRANCH = new UnitLevel("BRANCH");

    private static final Map<String, UnitLevel> FIVE = Map.of(CENTRAL.code, CENTRAL, PROVINCE.code, PROVINCE,
            DISTRICT.code, DISTRICT, GRASSROOTS.code, GRASSROOTS, BRANCH.code, BRANCH);

    public UnitLevel {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A unit level is a code of upper-case letters, digits and _ (at most 40), not " + code);
        }
    }

    /** The level of a code; a code that is not of {@link #CODE}'s form is refused with an IllegalArgumentException. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UnitLevel of(String code) {
        UnitLevel known = code == null ? null : FIVE.get(code);
        return known != null ? known : new UnitLevel(code);
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The code, as the enum's {@code name()} was. */
    public String name() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
