package org.mcsgov.grouplife;

import org.mcsgov.coordinator.StartingCoordinator;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Facts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Staff;
import org.mcsgov.patient.Patient;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Steps of "patient-group-creation" and "free-group-creation" (A4, A5-1, A6, N1-1). */
@Component
public class GroupSteps {

    private static final Logger log = LoggerFactory.getLogger(GroupSteps.class);

    private final DirectoryService directory;
    private final PatientService patients;
    private final GroupService groups;

    public GroupSteps(DirectoryService directory, PatientService patients, GroupService groups) {
        this.directory = directory;
        this.patients = patients;
        this.groups = groups;
    }

    /** Patients the coordinator's facility may create a group for: consented (A6), without a group (N1-1). */
    public JavaDelegate loadPatientsWithoutGroup() {
        return execution -> {
            Staff coordinator = StartingCoordinator.of(directory, execution);
            var withGroup = groups.patientsWithLiveGroup(coordinator.facilityId());
            var options = patients.consentedPatients(coordinator.facilityId()).stream()
                    .filter(p -> !withGroup.contains(p.id()))
                    .map(p -> new Vars.Option(p.label(), String.valueOf(p.id()))).toList();
            if (options.isEmpty()) {
                throw new UserError("同意が有効で患者グループのない患者がいません。先に「説明と同意の記録」を行ってください（A6）",
                        "no patient of your facility has an active consent and no group: record the consent first (A6)");
            }
            execution.setVariable("patientOptions", Vars.options(options));
        };
    }

    /** A5-1 / A4: only the originating facility; A6: only with active consent; N1-1: one group per patient. */
    public JavaDelegate validatePatientGroup() {
        return execution -> {
            Patient patient = groupablePatient(execution);
            Vars.optionalText(execution, "groupName", "グループ名", 100);
            Vars.optionalText(execution, "note", "備考", 500);
            execution.setProcessBusinessKey("patient:" + patient.id());
        };
    }

    public JavaDelegate requestPatientGroup() {
        return execution -> {
            Patient patient = groupablePatient(execution);
            Staff coordinator = StartingCoordinator.of(directory, execution);
            String name = Vars.optionalText(execution, "groupName", "グループ名", 100);
            Group group = groups.requestPatientGroup(patient.id(), patient.facilityId(), coordinator.id(),
                    name == null ? patient.name() + "様" : name, Vars.optionalText(execution, "note", "備考", 500),
                    Boolean.TRUE.equals(execution.getVariable("patientTakesPart")), coordinator.userId(),
                    execution.getProcessInstanceId());
            requested(execution, group);
        };
    }

    public JavaDelegate checkFreeGroupCreator() {
        return execution -> {
            StartingCoordinator.of(directory, execution);
        };
    }

    /** A5-1: a free group states its purpose and carries no patient information. */
    public JavaDelegate validateFreeGroup() {
        return execution -> {
            Vars.text(execution, "groupName", "グループ名", 100);
            Vars.text(execution, "purpose", "目的", 500);
            if (!Boolean.TRUE.equals(execution.getVariable("noPatientInfo"))) {
                throw new UserError("患者情報を投稿しないことの確認が必要です",
                        "confirm that no patient information will be posted (noPatientInfo)");
            }
        };
    }

    public JavaDelegate requestFreeGroup() {
        return execution -> {
            Staff coordinator = StartingCoordinator.of(directory, execution);
            Group group = groups.requestFreeGroup(coordinator.facilityId(), coordinator.id(),
                    Vars.text(execution, "groupName", "グループ名", 100), Vars.text(execution, "purpose", "目的", 500),
                    coordinator.userId(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("group:" + group.id());
            requested(execution, group);
        };
    }

    public JavaDelegate activate() {
        return execution -> {
            long groupId = Vars.id(execution, "groupId", "グループ");
            groups.activate(groupId, (String) execution.getVariable("mcsConfirmedBy"), execution.getProcessInstanceId());
            log.info("[{}] group {} active", execution.getBusinessKey(), groupId);
        };
    }

    public JavaDelegate cancel() {
        return execution -> {
            long groupId = Vars.id(execution, "groupId", "グループ");
            groups.cancel(groupId, "MCSで作成しない: " + execution.getVariable("mcsComment"),
                    execution.getProcessInstanceId());
            log.info("[{}] group {} cancelled", execution.getBusinessKey(), groupId);
        };
    }

    private void requested(DelegateExecution execution, Group group) {
        execution.setVariable("groupId", group.id());
        execution.setVariable("mcsSubject", group.name());
        log.info("[{}] group {} requested", execution.getBusinessKey(), group.id());
    }

    private Patient groupablePatient(VariableScope scope) {
        long patientId = Vars.id(scope, "patientId", "患者");
        Patient patient = patients.patient(patientId).orElseThrow(() -> new UserError(
                "患者が見つかりません: " + patientId, "no such patient: " + patientId));
        if (!patient.facilityId().equals(Facts.facility(scope))) {
            throw new UserError("患者グループを作成できるのは連携元事業所の担当者だけです（A5-1）",
                    "only the patient's originating facility creates its group (A5-1)");
        }
        if (!patients.hasActiveConsent(patientId)) {
            throw new UserError("患者の同意が有効でないため、グループを作成できません（A6）",
                    "the patient has no active consent (A6)");
        }
        if (groups.liveGroupOf(patientId).isPresent()) {
            throw new UserError("この患者の患者グループは既にあります（1患者1グループ、N1-1）",
                    "the patient already has a patient group (one group per patient, N1-1)");
        }
        return patient;
    }
}
