package vn.doan.benchmarks.national;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.doan.events.plan.UnitLevel;

/**
 * A seeded, repeatable organisation tree of the shape the Union has since 2025: Trung ương Đoàn, 34
 * Tỉnh đoàn / Thành đoàn, under each province its communes and wards ("Đoàn xã", "Đoàn phường")
 * directly, and a dozen "Đoàn trực thuộc" (blocs of agencies and enterprises, police, army, universities)
 * holding the other grassroots units; 3 to 9 branches ("Chi đoàn") under every grassroots unit.
 * Five levels: centre → province → Đoàn trực thuộc → grassroots → branch (branches of communes sit at
 * level four). The full size is ≈ 3,300 communes, ≈ 40,000 other grassroots units, ≈ 260,000 branches.
 */
final class NationalTree {

    /** How big the tree is. */
    record Size(int provinces, int communesPerProvince, int directUnitsPerProvince, int otherGrassrootsPerProvince) {

        static final Size FULL = new Size(34, 97, 13, 1176);
        static final Size QUICK = new Size(8, 10, 4, 160);
    }

    /** One row of plan-service's import: {@code parentCode} null for the centre. */
    record Unit(String code, String name, UnitLevel level, String kind, String parentCode) {
    }

    static final String CENTRE = "TWD";

    private static final List<String> PROVINCES = List.of("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
            "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
            "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa",
            "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang");
    private static final List<String> CITIES = List.of("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ");
    private static final List<String> SYLLABLES = List.of("Thọ", "Xuân", "Hòa", "Lập", "Lai", "Phú", "An", "Bình", "Tân", "Hưng",
            "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Sơn", "Hải", "Thủy", "Minh", "Quang", "Đức", "Thịnh", "Phước",
            "Vĩnh", "Mỹ", "Hiệp", "Lợi", "Thuận", "Khánh", "Hà", "Lộc", "Tiến", "Thắng", "Cường", "Kim", "Ngọc", "Hồng", "Yên");
    private static final List<String> DIRECT_UNITS = List.of("Đoàn Khối các cơ quan tỉnh", "Đoàn Khối doanh nghiệp tỉnh",
            "Đoàn Công an tỉnh", "Đoàn cơ sở Bộ Chỉ huy Quân sự tỉnh", "Đoàn Bộ đội Biên phòng tỉnh", "Đoàn trường Đại học",
            "Đoàn trường Cao đẳng", "Đoàn Khối các trường THPT", "Đoàn Bệnh viện đa khoa tỉnh", "Đoàn Tổng công ty",
            "Đoàn Khu công nghiệp", "Đoàn Khối Y tế", "Đoàn Khối Giáo dục nghề nghiệp", "Đoàn Khối Ngân hàng",
            "Đoàn Cục Hải quan", "Đoàn Cục Thuế");
    private static final List<String> OTHER_GRASSROOTS = List.of("Đoàn trường THPT", "Đoàn cơ sở Công ty", "Đoàn cơ sở Sở",
            "Đoàn cơ sở Phòng", "Đoàn cơ sở Đồn Biên phòng", "Đoàn cơ sở Khoa", "Đoàn cơ sở Chi nhánh", "Đoàn cơ sở Trung tâm");
    private static final List<String> BRANCHES = List.of("Chi đoàn thôn", "Chi đoàn ấp", "Chi đoàn khu phố", "Chi đoàn lớp",
            "Chi đoàn phòng", "Chi đoàn tổ dân phố", "Liên chi đoàn");

    private final List<Unit> units = new ArrayList<>();

    private NationalTree() {
    }

    static NationalTree generate(Size size, long seed) {
        Random random = new Random(seed);
        NationalTree tree = new NationalTree();
        tree.units.add(new Unit(CENTRE, "Trung ương Đoàn TNCS Hồ Chí Minh", UnitLevel.CENTRAL, null, null));
        for (int p = 1; p <= size.provinces(); p++) {
            String name = PROVINCES.get((p - 1) % PROVINCES.size());
            String province = "T%02d".formatted(p);
            tree.units.add(new Unit(province, (CITIES.contains(name) ? "Thành đoàn " : "Tỉnh đoàn ") + name, UnitLevel.PROVINCE, null, CENTRE));
            int communes = around(random, size.communesPerProvince());
            for (int c = 1; c <= communes; c++) {
                String code = province + "-X%03d".formatted(c);
                tree.units.add(new Unit(code, (random.nextInt(4) == 0 ? "Đoàn phường " : "Đoàn xã ") + place(random), UnitLevel.GRASSROOTS,
                        "commune", province));
                tree.addBranches(random, code);
            }
            int direct = around(random, size.directUnitsPerProvince());
            List<String> directCodes = new ArrayList<>();
            for (int d = 1; d <= direct; d++) {
                String code = province + "-D%02d".formatted(d);
                directCodes.add(code);
                tree.units.add(new Unit(code, DIRECT_UNITS.get((d - 1) % DIRECT_UNITS.size()) + (d > DIRECT_UNITS.size() ? " " + d : ""),
                        UnitLevel.DISTRICT, "direct", province));
            }
            int others = around(random, size.otherGrassrootsPerProvince());
            for (int g = 1; g <= others; g++) {
                String parent = directCodes.get(random.nextInt(directCodes.size()));
                String code = parent + "-C%04d".formatted(g);
                tree.units.add(new Unit(code, OTHER_GRASSROOTS.get(random.nextInt(OTHER_GRASSROOTS.size())) + " " + place(random),
                        UnitLevel.GRASSROOTS, "agency", parent));
                tree.addBranches(random, code);
            }
        }
        return tree;
    }

    private void addBranches(Random random, String grassroots) {
        int branches = 3 + random.nextInt(7);
        for (int b = 1; b <= branches; b++) {
            units.add(new Unit(grassroots + "-B" + b, BRANCHES.get(random.nextInt(BRANCHES.size())) + " " + place(random),
                    UnitLevel.BRANCH, null, grassroots));
        }
    }

    /** {@code mean} ± 15%. */
    private static int around(Random random, int mean) {
        int spread = Math.max(1, mean * 15 / 100);
        return Math.max(1, mean - spread + random.nextInt(2 * spread + 1));
    }

    private static String place(Random random) {
        return SYLLABLES.get(random.nextInt(SYLLABLES.size())) + " " + SYLLABLES.get(random.nextInt(SYLLABLES.size()));
    }

    List<Unit> units() {
        return units;
    }

    List<Unit> ofLevel(UnitLevel level) {
        return units.stream().filter(u -> u.level().equals(level)).toList();
    }

    /** The units of one province (the province row first), for one import call each. */
    List<Unit> province(String provinceCode) {
        return units.stream().filter(u -> u.code().equals(provinceCode) || u.code().startsWith(provinceCode + "-")).toList();
    }

    /** plan-service's import CSV: {@code code,name,level,kind,parentCode,effectiveFrom}. */
    static String csv(List<Unit> units) {
        StringBuilder csv = new StringBuilder("code,name,level,kind,parentCode,effectiveFrom\n");
        for (Unit u : units) {
            csv.append(u.code()).append(',').append(u.name()).append(',').append(u.level()).append(',')
                    .append(u.kind() == null ? "" : u.kind()).append(',').append(u.parentCode() == null ? "" : u.parentCode())
                    .append(",01/07/2025\n");
        }
        return csv.toString();
    }
}
