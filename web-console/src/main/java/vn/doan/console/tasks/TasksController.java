package vn.doan.console.tasks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.plan.PlanDirectory;
import vn.doan.console.web.CurrentUser;
import vn.doan.console.web.Format;

/** "Việc cần làm": every period the user's unit must report on, with its due date, days left or late, and its report. */
@Controller
class TasksController {

    static final ParameterizedTypeReference<List<Api.Report>> REPORTS = new ParameterizedTypeReference<>() {
    };

    private final PlanDirectory plans;
    private final Gateway gateway;

    TasksController(PlanDirectory plans, Gateway gateway) {
        this.plans = plans;
        this.gateway = gateway;
    }

    /** One period to report on; {@code daysLeft} is negative when the due date has passed. */
    record Task(Api.Plan plan, Api.Period period, Api.Report report, long daysLeft) {

        public boolean done() {
            return report != null && !report.editable();
        }
    }

    @GetMapping("/")
    String home() {
        CurrentUser me = CurrentUser.get();
        if (me.admin()) {
            return "redirect:/to-chuc";
        }
        if (me.analyst()) {
            return "redirect:/bang-theo-doi";
        }
        return "redirect:/viec-can-lam";
    }

    @GetMapping("/viec-can-lam")
    String tasks(Model model) {
        CurrentUser me = CurrentUser.get();
        if (me.unitId() == null) {
            return "redirect:/bang-theo-doi";
        }
        Api.Unit unit = plans.unit(me.unitId());
        LocalDate today = Format.today();
        List<Task> tasks = new ArrayList<>();
        for (Api.Plan plan : plans.inForceFor(unit)) {
            for (Api.Period period : plan.schedule()) {
                if (period.reportingLevels() != null && !period.reportingLevels().contains(unit.level())) {
                    continue;
                }
                Api.Report report = gateway.get(REPORTS, "/api/reports?planId={plan}&periodId={period}&unitIds={unit}", plan.id(), period.periodId(), unit.id())
                        .stream().filter(r -> r.unitId().equals(unit.id())).findFirst().orElse(null);
                tasks.add(new Task(plan, period, report, ChronoUnit.DAYS.between(today, period.dueDate())));
            }
        }
        tasks.sort(Comparator.comparing(Task::done).thenComparing(t -> t.period().dueDate()));
        model.addAttribute("unit", unit);
        model.addAttribute("tasks", tasks);
        return "tasks";
    }
}
