package vn.doan.indicatorservice.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.Backends;

/** The tree replica on the MongoDB wire server, at a size that does not fit one reply of the wire protocol (48 MB). */
class TreeTest {

    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Backends.embedded().mongoUri());
        mongo = Backends.template(client, "tree_test_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /**
     * 2,400 branches whose documents weigh 21 kB each (50 MB, as the ≈300,000 units under the centre do): the subtree is read
     * in several replies.
     */
    @Test
    void aSubtreeLargerThanOneReplyIsReadWhole() {
        Tree tree = new Tree(mongo);
        LocalDate founded = LocalDate.of(2016, 1, 1);
        List<UnitCreated> units = new ArrayList<>();
        units.add(new UnitCreated("thoxuan", "TX", "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, "district", null, List.of(), founded));
        String longName = "Chi đoàn thôn Phú Xá, xã Thọ Lập; ".repeat(520);
        for (int i = 1; i <= 2_400; i++) {
            units.add(new UnitCreated("chidoan-" + i, "TX-CD" + i, longName + i, UnitLevel.BRANCH, "village", "thoxuan", List.of("thoxuan"), founded));
        }
        tree.created(units);

        List<UnitNode> subtree = tree.subtree("thoxuan", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

        assertThat(subtree).hasSize(2_401);
        assertThat(subtree).filteredOn(u -> u.id().equals("chidoan-2400")).singleElement()
                .satisfies(u -> assertThat(u.name()).isEqualTo(longName + 2400));
    }

    /**
     * Thanh Hóa's plan expects its grassroots units and branches: counted from one read of the tree, the same as listing each
     * unit's subtree, in the tree of each period (a commune moved from 01/01/2027, a branch dissolved from 01/07/2026, a branch
     * created in 2027), and nothing of Nghệ An.
     */
    @Test
    void expectedCountsAreTheSubtreesOfThePeriodsTreeWithinTheIssuer() {
        Tree tree = new Tree(Backends.template(client, "tree_count_test_" + UUID.randomUUID().toString().substring(0, 8)));
        LocalDate founded = LocalDate.of(2016, 1, 1);
        List<UnitCreated> units = new ArrayList<>();
        units.add(new UnitCreated("th", "TH", "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, "province", null, List.of(), founded));
        units.add(new UnitCreated("na", "NA", "Tỉnh đoàn Nghệ An", UnitLevel.PROVINCE, "province", null, List.of(), founded));
        units.add(new UnitCreated("tx", "TX", "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, "district", "th", List.of("th"), founded));
        units.add(new UnitCreated("ts", "TS", "Huyện đoàn Triệu Sơn", UnitLevel.DISTRICT, "district", "th", List.of("th"), founded));
        units.add(new UnitCreated("dc", "DC", "Huyện đoàn Diễn Châu", UnitLevel.DISTRICT, "district", "na", List.of("na"), founded));
        Map<String, List<String>> communes = new LinkedHashMap<>();
        communes.put("tl", List.of("th", "tx"));
        communes.put("xh", List.of("th", "tx"));
        communes.put("xl", List.of("th", "tx"));
        communes.put("dl", List.of("th", "ts"));
        communes.put("dk", List.of("na", "dc"));
        Map<String, Integer> branches = Map.of("tl", 3, "xh", 2, "xl", 1, "dl", 2, "dk", 2);
        communes.forEach((id, above) -> {
            units.add(new UnitCreated(id, id.toUpperCase(), "Đoàn xã " + id, UnitLevel.GRASSROOTS, "commune", above.get(1), above, founded));
            List<String> path = new ArrayList<>(above);
            path.add(id);
            for (int i = 1; i <= branches.get(id); i++) {
                units.add(new UnitCreated(id + "-cd" + i, id.toUpperCase() + i, "Chi đoàn thôn " + i, UnitLevel.BRANCH, "village", id, path, founded));
            }
        });
        tree.created(units);
        tree.dissolved(new UnitDissolved("xh-cd2", LocalDate.of(2026, 7, 1), "sáp nhập thôn"));
        tree.created(List.of(new UnitCreated("dl-cd3", "DL3", "Chi đoàn thôn 3", UnitLevel.BRANCH, "village", "dl", List.of("th", "ts", "dl"),
                LocalDate.of(2027, 3, 1))));
        PlanDefinition plan = new PlanDefinition("p54", 1, List.of(), List.of(period(2026), period(2027)), "th",
                List.of(UnitLevel.GRASSROOTS, UnitLevel.BRANCH), null);

        assertThat(counts(tree, plan, 2027)).containsExactlyInAnyOrderEntriesOf(Map.of("th", 12, "tx", 8, "ts", 4, "tl", 4, "xh", 2, "xl", 2,
                "dl", 4));
        tree.moved(new UnitMoved("xl", "tx", "ts", List.of("th", "tx"), List.of("th", "ts"), LocalDate.of(2027, 1, 1)));

        assertThat(counts(tree, plan, 2026)).containsExactlyInAnyOrderEntriesOf(Map.of("th", 12, "tx", 9, "ts", 3, "tl", 4, "xh", 3, "xl", 2,
                "dl", 3));
        assertThat(counts(tree, plan, 2027)).as("after the move, counted again").containsExactlyInAnyOrderEntriesOf(Map.of("th", 12, "tx", 6,
                "ts", 6, "tl", 4, "xh", 2, "xl", 2, "dl", 4));
    }

    private static PlanDefinition.Period period(int year) {
        return new PlanDefinition.Period(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                List.of(UnitLevel.GRASSROOTS, UnitLevel.BRANCH));
    }

    /** Each unit's count above one (a branch counts itself), each checked against the listing of its subtree. */
    private static Map<String, Integer> counts(Tree tree, PlanDefinition plan, int year) {
        PlanDefinition.Period period = plan.schedule().stream().filter(p -> p.periodId().equals(String.valueOf(year))).findFirst().orElseThrow();
        long version = tree.version();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UnitNode unit : tree.all().values()) {
            int count = tree.expectedCount(plan, period, unit, version);
            assertThat(count).as(unit.id() + " in " + year).isEqualTo(tree.expected(plan, period, unit.id()).size());
            if (count > 1 || !unit.level().equals(UnitLevel.BRANCH) && count > 0) {
                counts.put(unit.id(), count);
            }
        }
        return counts;
    }
}
