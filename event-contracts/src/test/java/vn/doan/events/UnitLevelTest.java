package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.doan.events.plan.UnitLevel;

class UnitLevelTest {

    @Test
    void aLevelIsAnUpperCaseCodeOfAtMostFortyCharacters() {
        assertThat(UnitLevel.of("LIEN_CHI_DOAN").code()).isEqualTo("LIEN_CHI_DOAN");
        assertThat(UnitLevel.of("D").code()).as("one letter").isEqualTo("D");
        String forty = "DOAN_KHOI_CAC_CO_QUAN_VA_DOANH_NGHIEP_T1";
        assertThat(forty).hasSize(40);
        assertThat(UnitLevel.of(forty).code()).isEqualTo(forty);

        for (String bad : new String[] {"lien chi doan", "Liên chi đoàn", "LIEN CHI DOAN", "lien_chi_doan", "1CHI_DOAN", "_BRANCH", "",
                forty + "X"}) {
            assertThatThrownBy(() -> UnitLevel.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> UnitLevel.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFiveKeepTheirCodesAndNamesAndAnyCodeEqualsItsOwnLevel() {
        assertThat(UnitLevel.of("DISTRICT")).isSameAs(UnitLevel.DISTRICT);
        assertThat(UnitLevel.GRASSROOTS.name()).isEqualTo("GRASSROOTS");
        assertThat(UnitLevel.BRANCH).hasToString("BRANCH");
        assertThat(UnitLevel.of("PHAN_DOAN")).isEqualTo(UnitLevel.of("PHAN_DOAN")).isNotEqualTo(UnitLevel.BRANCH);
    }
}
