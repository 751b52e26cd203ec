package org.mcsgov.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mcsgov.platform.Csv;
import org.mcsgov.web.RegisterWebConfiguration;
import org.mcsgov.web.Visibility;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * ダッシュボード (issue 15): the association office's figures for all facilities, a facility manager's or MCS
 * administrator's for their own (Visibility.managed, the facility half of the register's staff rule), as charts and
 * each as CSV with the same figures. Under /register so that every guard of the register pages covers it.
 */
@Controller
public class DashboardPage implements RegisterWebConfiguration.RegisterPage {

    private final Visibility visibility;
    private final Map<String, Supplier<Chart>> charts = new LinkedHashMap<>();

    public DashboardPage(Visibility visibility, FacilityCharts facilities, ActivityCharts activity) {
        this.visibility = visibility;
        charts.put("reviews", activity::reviews);
        charts.put("overdue", facilities::overdue);
        charts.put("training", facilities::training);
        charts.put("attestations", facilities::attestations);
        charts.put("devices", facilities::devicesOut);
        charts.put("incidents", facilities::incidents);
        charts.put("logins", activity::logins);
    }

    @GetMapping("/register/dashboard")
    public String page(Model model) {
        readable();
        List<Chart> figures = charts.values().stream().map(Supplier::get).toList();
        model.addAttribute("charts", figures);
        // a manager's facilities are the categories of every chart per facility
        model.addAttribute("scope", visibility.isOffice() ? "全事業所" : figures.stream()
                .filter(c -> c.categoryHeader().equals(FacilityCharts.FACILITY)).findFirst()
                .map(c -> String.join("、", c.categories())).orElse(""));
        return "register/dashboard";
    }

    @GetMapping("/register/dashboard/{name}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String name) {
        readable();
        Supplier<Chart> chart = charts.get(name);
        if (chart == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "グラフが見つかりません / no such chart: " + name);
        }
        Chart figures = chart.get();
        return Csv.response("dashboard-" + name + ".csv", figures.csvHeader(), figures.csvRows());
    }

    private void readable() {
        if (!visibility.managesAny()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "ダッシュボードは医師会事務局と、事業所の管理者・MCS管理者だけが閲覧できます"
                    + " / the dashboard is for the office and facility managers and MCS administrators");
        }
    }
}
