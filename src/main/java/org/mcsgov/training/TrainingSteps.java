package org.mcsgov.training;

import static org.mcsgov.platform.Rows.now;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Lists;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Steps of "security-training" and "security-training-facility" (A9-2): each facility using MCS holds a training
 * for its MCS administrators and staff and records date, content and attendees; who missed it is listed.
 */
@Component
public class TrainingSteps {

    private static final Logger log = LoggerFactory.getLogger(TrainingSteps.class);

    private final DirectoryService directory;
    private final JdbcClient jdbc;
    private final Schedules schedules;

    public TrainingSteps(DirectoryService directory, JdbcClient jdbc, Schedules schedules) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.schedules = schedules;
    }

    /** Every facility using MCS, or only those of the variable facilityIds (a manual or test campaign). */
    public JavaDelegate loadFacilities() {
        return execution -> {
            List<String> only = new Lists().split((String) execution.getVariable("facilityIds"));
            List<String> ids = directory.facilities().stream().filter(Facility::usesMcs).map(Facility::id)
                    .filter(id -> only.isEmpty() || only.contains(id)).toList();
            execution.setVariable("targets", Lists.join(ids));
            log.info("[{}] security training campaign for {} facilities", execution.getBusinessKey(), ids.size());
        };
    }

    public JavaDelegate prepare() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            execution.setProcessBusinessKey("training:" + facilityId + ":" + EngineClock.today());
            execution.setVariable("managerGroup", Role.MANAGER.groupId(facilityId));
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(facilityId));
            execution.setVariable("trainingDueDate", dueDate(schedules.getTrainingDeadline()));
            execution.setVariable("campaignStartedAt", Date.from(EngineClock.now()));
        };
    }

    /**
     * Listener of 研修の実施と記録 when the task is created: the attendees offered are the facility's active staff
     * as they are then, not as they were when the campaign started (who left in between is not offered).
     */
    public TaskListener offerStaff() {
        return task -> task.getExecution().setVariable("staffOptions", Vars.options(
                activeStaff(Facts.facility(task.getExecution())).stream().map(s -> new Vars.Option(
                        s.name() + "（" + s.profession() + "）", String.valueOf(s.id()))).toList()));
    }

    /** Checks the record against the staff the task offered, stores training and attendance, lists who missed it. */
    public JavaDelegate record() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            LocalDate date = Vars.pastDate(execution, "trainingDate", "実施日");
            String content = Vars.text(execution, "trainingContent", "研修の内容", 2000);
            List<Long> attendees = Vars.ids(execution, "attendeeIds", "受講者");
            if (attendees.isEmpty()) {
                throw new UserError("受講者を1人以上選んでください", "choose one or more attendees");
            }
            List<String> offered = Vars.offered(execution, "staffOptions");
            attendees.forEach(id -> checkAttendee(id, facilityId, date, offered));
            long trainingId = Rows.insert(jdbc, """
                    INSERT INTO security_training (facility_id, training_date, content, recorded_by, recorded_at,
                        process_instance_id) VALUES (?, ?, ?, ?, ?, ?)""",
                    facilityId, date, content, Facts.actor(execution), now(), execution.getProcessInstanceId());
            attendees.forEach(id -> jdbc.sql("INSERT INTO training_attendance (training_id, staff_id) VALUES (?, ?)")
                    .params(trainingId, id).update());
            setUntrained(execution, facilityId);
            log.info("[{}] training {} recorded with {} attendees", execution.getBusinessKey(), trainingId, attendees.size());
        };
    }

    /** After the deadline: the active staff without a training since the campaign started (A9-2). */
    public JavaDelegate listUntrained() {
        return execution -> {
            List<Staff> untrained = setUntrained(execution, Facts.facility(execution));
            log.info("[{}] deadline passed: {} staff members untrained", execution.getBusinessKey(), untrained.size());
        };
    }

    /** Active staff of the facility who attended no training of the facility since the given time. */
    public List<Staff> untrained(String facilityId, Date since) {
        List<Long> trained = jdbc.sql("""
                SELECT a.staff_id FROM training_attendance a JOIN security_training t ON t.id = a.training_id
                WHERE t.facility_id = ? AND t.recorded_at >= ?""").params(facilityId, new java.sql.Timestamp(since.getTime())).query(Long.class).list();
        return activeStaff(facilityId).stream().filter(s -> !trained.contains(s.id())).toList();
    }

    /**
     * An attendee is a staff member of this facility whom the task offered (its options are the engine's; a client
     * cannot send them). Whoever left after the training still attended it; whoever left before it cannot have.
     */
    private void checkAttendee(long id, String facilityId, LocalDate date, List<String> offered) {
        Staff person = directory.staff(id).filter(s -> s.facilityId().equals(facilityId)).orElseThrow(() ->
                new UserError("受講者に、この事業所の職員でない人が含まれています（職員ID " + id + "）",
                        "attendee " + id + " is not a staff member of facility " + facilityId));
        if (!offered.contains(String.valueOf(id))) {
            throw new UserError("受講者は、この画面の受講者の一覧から選んでください（" + person.name() + "）",
                    "attendee " + id + " was not offered on this task");
        }
        directory.leftAt(id).map(left -> LocalDate.ofInstant(left, EngineClock.ZONE)).filter(date::isAfter)
                .ifPresent(left -> {
                    throw new UserError(person.name() + "さんは実施日より前（" + left + "）に事業所を離れています",
                            "attendee " + id + " left on " + left + ", before the training on " + date);
                });
    }

    private List<Staff> setUntrained(DelegateExecution execution, String facilityId) {
        List<Staff> untrained = untrained(facilityId, (Date) execution.getVariable("campaignStartedAt"));
        execution.setVariable("untrainedStaff", Lists.join(untrained.stream().map(Staff::userId).toList()));
        execution.setVariable("untrainedSummary", untrained.isEmpty() ? "なし" : String.join("\n",
                untrained.stream().map(s -> s.name() + "（" + s.userId() + "、" + s.profession() + "）").toList()));
        return untrained;
    }

    private List<Staff> activeStaff(String facilityId) {
        return directory.activeWithRole(facilityId, Role.STAFF);
    }

    static Date dueDate(String duration) throws Exception {
        return new DurationHelper(duration).getDateAfter(Date.from(EngineClock.now()));
    }
}
