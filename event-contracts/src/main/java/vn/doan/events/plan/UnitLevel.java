package vn.doan.events.plan;

/** Level of an organisation unit in the Union; the depth below a province varies. */
public enum UnitLevel {
    /** Trung ương Đoàn. */
    CENTRAL,
    /** Tỉnh đoàn / Thành đoàn. */
    PROVINCE,
    /** Huyện đoàn, Thị đoàn, Đoàn trực thuộc. */
    DISTRICT,
    /** Đoàn cơ sở. */
    GRASSROOTS,
    /** Chi đoàn. */
    BRANCH
}
