package vn.doan.benchmarks.national;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import vn.doan.benchmarks.national.NationalResults.Exactness;
import vn.doan.events.plan.UnitLevel;

/**
 * Every unit with a report in its subtree (above {@code --exact-limit}: the centre, every province and Đoàn trực thuộc,
 * and a seeded random sample): the nine subtree numbers of each of the 12 indicators on its dashboard must equal the
 * totals computed here from the values accepted and the tree generated ({@link ExpectedTotals}).
 */
final class ExactnessCheck {

    private final Api api;
    private final Options options;

    ExactnessCheck(Api api, Options options) {
        this.api = api;
        this.options = options;
    }

    Exactness check(String planId, NationalTree tree, Map<String, StackSetup.Known> units, List<LoadDriver.Submission> accepted) throws Exception {
        ExpectedTotals expected = new ExpectedTotals();
        for (LoadDriver.Submission s : accepted) {
            expected.add(s.unit().id(), s.unit().ancestorIds(), s.values());
        }
        List<String> check = new ArrayList<>(expected.units());
        String scope = "every unit with reports in its subtree";
        if (check.size() > options.exactLimit()) {
            List<String> sample = new ArrayList<>();
            sample.add(units.get(NationalTree.CENTRE).id());
            for (NationalTree.Unit u : tree.units()) {
                if (u.level().equals(UnitLevel.PROVINCE) || u.level().equals(UnitLevel.DISTRICT)) {
                    sample.add(units.get(u.code()).id());
                }
            }
            Collections.shuffle(check, new Random(options.seed()));
            sample.addAll(check.subList(0, options.exactLimit()));
            check = sample.stream().distinct().toList();
            scope = "centre, every province and Đoàn trực thuộc, and " + options.exactLimit() + " random units with reports";
        }
        long start = System.nanoTime();
        int mismatched = 0;
        int behind = 0;
        int fieldsCompared = 0;
        List<String> examples = new ArrayList<>();
        for (String unitId : check) {
            Map<String, ExpectedTotals.Measure> want = expected.of(unitId);
            boolean same = true;
            boolean missingReports = false;
            for (JsonNode indicator : api.get(api.progressUrl(planId, unitId)).get("indicators")) {
                ExpectedTotals.Measure m = want.getOrDefault(indicator.get("code").asString(), ExpectedTotals.Measure.ZERO);
                ExpectedTotals.Measure got = measure(indicator.get("subtree"));
                fieldsCompared += 9;
                if (!got.equals(m)) {
                    same = false;
                    missingReports |= got.reportingUnits() < m.reportingUnits();
                    if (examples.size() < 10) {
                        examples.add(unitId + " " + indicator.get("code").asString() + ": expected " + m + ", got " + got);
                    }
                }
            }
            if (!same) {
                mismatched++;
                behind += missingReports ? 1 : 0;
            }
        }
        Exactness exactness = new Exactness(scope, check.size(), fieldsCompared, mismatched,
                Rounding.tenth(100.0 * (check.size() - mismatched) / Math.max(1, check.size())), behind, mismatched - behind,
                "behind: the unit counts fewer reports than were accepted (not yet rolled up); wrong: any other difference",
                examples, (System.nanoTime() - start) / 1_000_000, accepted.size());
        System.out.println("Exactness: " + exactness);
        return exactness;
    }

    private static ExpectedTotals.Measure measure(JsonNode s) {
        return new ExpectedTotals.Measure(s.get("numerator").asLong(), s.get("denominator").asLong(), s.get("reportingUnits").asInt(),
                s.get("unitsMet").asInt(), s.get("below").asInt(), s.get("within").asInt(), s.get("above").asInt(),
                s.get("doneOnTime").asInt(), s.get("doneLate").asInt());
    }
}
