package vn.doan.benchmarks.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.UnitLevel;

class NationalTreeTest {

    @Test
    void theSameSeedGivesTheSameTree() {
        assertThat(NationalTree.generate(NationalTree.Size.QUICK, 7).units())
                .isEqualTo(NationalTree.generate(NationalTree.Size.QUICK, 7).units());
    }

    @Test
    void theFullTreeHasTheCountrysShapeInFiveLevels() {
        NationalTree tree = NationalTree.generate(NationalTree.Size.FULL, 2026);

        assertThat(tree.ofLevel(UnitLevel.CENTRAL)).hasSize(1);
        assertThat(tree.ofLevel(UnitLevel.PROVINCE)).hasSize(34);
        assertThat(tree.ofLevel(UnitLevel.PROVINCE).get(7).name()).isEqualTo("Tỉnh đoàn Thanh Hóa");
        long communes = tree.ofLevel(UnitLevel.GRASSROOTS).stream().filter(u -> "commune".equals(u.kind())).count();
        assertThat(communes).isBetween(3_000L, 3_600L);
        assertThat(tree.ofLevel(UnitLevel.GRASSROOTS).size() - communes).isBetween(36_000L, 44_000L);
        assertThat(tree.ofLevel(UnitLevel.BRANCH).size()).isBetween(230_000, 290_000);
        assertThat(tree.units().size()).isBetween(280_000, 330_000);
    }

    @Test
    void everyParentComesBeforeItsChildrenAndCodesAreUnique() {
        List<NationalTree.Unit> units = NationalTree.generate(NationalTree.Size.QUICK, 1).units();
        Set<String> seen = new HashSet<>();
        for (NationalTree.Unit unit : units) {
            assertThat(unit.parentCode() == null || seen.contains(unit.parentCode())).as(unit.code()).isTrue();
            assertThat(seen.add(unit.code())).as(unit.code()).isTrue();
        }
    }

    @Test
    void eachProvinceImportsAsOneCsvWithItsProvinceFirst() {
        NationalTree tree = NationalTree.generate(NationalTree.Size.QUICK, 1);
        List<NationalTree.Unit> province = tree.province("T02");

        assertThat(province.get(0).level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(province).allMatch(u -> u.code().startsWith("T02"));
        assertThat(NationalTree.csv(province)).startsWith("code,name,level,kind,parentCode,effectiveFrom\nT02,Thành đoàn Huế,PROVINCE,,TWD,01/07/2025\n");
    }
}
