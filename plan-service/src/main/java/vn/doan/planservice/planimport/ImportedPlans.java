package vn.doan.planservice.planimport;

import java.time.LocalDate;
import java.util.List;
import vn.doan.planservice.plan.PlanContent;

/** The one place an imported plan's content is built: what a workbook or a document gives, the rest left empty. */
final class ImportedPlans {

    private ImportedPlans() {
    }

    static PlanContent content(String number, String type, String title, String issuingUnitId, LocalDate issuedOn, String place,
            LocalDate periodFrom, LocalDate periodTo, String goals, List<PlanContent.Indicator> indicators,
            List<PlanContent.ReportingPeriod> schedule, List<PlanContent.RecurringReport> recurringReports) {
        return new PlanContent(number, type, title, issuingUnitId, issuedOn, place, List.of(), null, periodFrom, periodTo, goals,
                List.of(), List.of(), List.of(), null, indicators, schedule, recurringReports, null, null, null);
    }

    /** The same plan with its indicators replaced, e.g. by one of them to check it alone. */
    static PlanContent withIndicators(PlanContent plan, List<PlanContent.Indicator> indicators) {
        return content(plan.number(), plan.type(), plan.title(), plan.issuingUnitId(), plan.issuedOn(), plan.place(), plan.periodFrom(),
                plan.periodTo(), plan.goals(), indicators, plan.schedule(), plan.recurringReports());
    }
}
