package org.mcsgov.membershipreview;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.mcs.McsAction;
import org.mcsgov.notification.Notifications;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Steps of "staff-reconciliation" (突合, N1-3, A8-5): each facility's MCS administrators compare MCS's staff list of
 * their facility with the register's active staff and report who is in MCS but not in the register; each is released
 * in MCS (スタッフ解除, a revocation with its deadline). Whom the register should hold is registered through
 * staff-onboarding (the pledge first), not here. Facilities that did not answer by the deadline are told the office.
 */
@Component("staffReconciliation")
public class StaffReconciliation {

    private static final Logger log = LoggerFactory.getLogger(StaffReconciliation.class);

    private final DirectoryService directory;
    private final JdbcClient jdbc;
    private final Schedules schedules;
    private final Notifications notifications;

    public StaffReconciliation(DirectoryService directory, JdbcClient jdbc, Schedules schedules,
                               Notifications notifications) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.notifications = notifications;
    }

    /** The facilities using MCS with an MCS administrator, and the deadline (mcs.review.deadline from now). */
    public JavaDelegate open() {
        return execution -> {
            List<String> facilityIds = directory.facilities().stream().filter(Facility::usesMcs).map(Facility::id)
                    .filter(id -> !directory.activeWithRole(id, Role.MCS_ADMIN).isEmpty()).toList();
            execution.setProcessBusinessKey("staff-reconciliation:" + EngineClock.today());
            execution.setVariable("facilityIds", new ArrayList<>(facilityIds));
            execution.setVariable("deadline", new DurationHelper(schedules.getReviewDeadline())
                    .getDateAfter(Date.from(EngineClock.now())));
            log.info("[{}] staff lists of {} facilities to compare", execution.getBusinessKey(), facilityIds.size());
        };
    }

    /** One facility: its administrators' group and the register's active staff to compare with (local variables). */
    public JavaDelegate prepare() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            execution.setVariableLocal("adminGroup", Role.MCS_ADMIN.groupId(facilityId));
            execution.setVariableLocal("staffSummary", directory.activeStaffOf(facilityId).stream()
                    .map(s -> s.name() + "（" + s.profession() + "）").collect(Collectors.joining("\n")));
        };
    }

    /** The administrator compared the lists; each name reported is released in MCS and recorded. */
    public JavaDelegate record() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            if (!admin.facilityId().equals(facilityId)) {
                throw new UserError("突合できるのはその事業所のMCS管理者だけです", "only the facility's MCS administrator");
            }
            Vars.confirmed(execution, "staffListCompared", "MCSのスタッフ一覧と台帳を見比べました");
            String text = Vars.optionalText(execution, "staffFoundInMcs", "MCSにいて台帳にいない人", 2000);
            String facilityName = directory.facility(facilityId).orElseThrow().name();
            int count = 0;
            for (String name : text == null ? new String[0] : text.split("\\R")) {
                if (name.isBlank()) {
                    continue;
                }
                long id = Rows.insert(jdbc, """
                        INSERT INTO review_difference (source, facility_id, person_name, person_facility, resolution,
                            reported_by, reported_at, reconciliation_instance_id)
                        VALUES ('STAFF_LIST', ?, ?, ?, 'RELEASE_IN_MCS', ?, ?, ?)""", facilityId, name.strip(),
                        facilityName, admin.userId(), Rows.now(), execution.getProcessInstanceId());
                Map<String, Object> variables = new HashMap<>(Map.of("mcsAction", McsAction.RELEASE_STAFF.name(),
                        "mcsSubject", name.strip() + "（" + facilityName + "）: MCSのスタッフ一覧にいて台帳にいない人",
                        "mcsAssignee", admin.userId(), "mcsCandidateGroup", Role.MCS_ADMIN.groupId(facilityId),
                        "mcsCancellable", false));
                String instance = Reconciliation.start(execution, "mcs-action", "staff-difference:" + id, variables);
                jdbc.sql("UPDATE review_difference SET process_instance_id = ? WHERE id = ?").params(instance, id)
                        .update();
                count++;
            }
            jdbc.sql("""
                    INSERT INTO staff_reconciliation (process_instance_id, facility_id, compared_by, compared_at,
                        found_in_mcs_only) VALUES (?, ?, ?, ?, ?)""")
                    .params(execution.getProcessInstanceId(), facilityId, admin.userId(), Rows.now(), count).update();
            log.info("[{}] staff list of {} compared by {}: {} only in MCS", execution.getBusinessKey(), facilityId,
                    admin.userId(), count);
        };
    }

    /** The deadline passed: the facilities that did not compare are told the office (recorded, mailed). */
    public JavaDelegate noResponse() {
        return execution -> {
            @SuppressWarnings("unchecked")
            List<String> facilityIds = (List<String>) execution.getVariable("facilityIds");
            List<String> answered = jdbc.sql("SELECT facility_id FROM staff_reconciliation WHERE process_instance_id = ?")
                    .param(execution.getProcessInstanceId()).query(String.class).list();
            String missing = facilityIds.stream().filter(id -> !answered.contains(id)).collect(Collectors.joining("、"));
            String notice = "職員一覧の突合（N1-3、A8-5）が期限までに終わっていない事業所: " + missing;
            execution.setVariable("staffReconciliationMissing", missing);
            notifications.informOffice(execution, notice);
            log.info("[{}] {}", execution.getBusinessKey(), notice);
        };
    }
}
