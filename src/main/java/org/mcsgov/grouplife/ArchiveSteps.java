package org.mcsgov.grouplife;

import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.decision.DecisionLog.Step;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.ArchiveReason;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "group-archive" (N2-1): the originating facility's MCS administrator moves a patient's group to the
 * archive, started by the administrator or proposed by a membership review. Every membership closes and the
 * group becomes read-only (no invitations, no reviews); its history stays. There is no way back: a patient who
 * returns gives a new consent and gets a new group.
 */
@Component
public class ArchiveSteps {

    /** The message an open membership review of the group waits for: nothing is left to decide. */
    public static final String ARCHIVED_MESSAGE = "group-archived";
    private static final Logger log = LoggerFactory.getLogger(ArchiveSteps.class);

    private final DirectoryService directory;
    private final GroupService groups;
    private final DecisionLog decisions;

    public ArchiveSteps(DirectoryService directory, GroupService groups, DecisionLog decisions) {
        this.directory = directory;
        this.groups = groups;
        this.decisions = decisions;
    }

    /** The proposed group, or every active group of the administrator's facility. */
    public JavaDelegate prepare() {
        return execution -> {
            List<Group> choices;
            if (execution.hasVariable("groupId")) {
                Group group = groups.group(Vars.id(execution, "groupId", "グループ")).orElseThrow();
                choices = group.isActive() ? List.of(group) : List.of();
                execution.setVariable("facilityId", group.facilityId());
                execution.setVariable("groupId", String.valueOf(group.id()));
            } else {
                Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
                choices = groups.activeGroupsOf(admin.facilityId());
                execution.setVariable("facilityId", admin.facilityId());
            }
            if (choices.isEmpty()) {
                throw new UserError("保管庫へ移せる有効なグループがありません", "there is no active group to archive");
            }
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(Facts.facility(execution)));
            execution.setVariable("groupOptions", Vars.options(choices.stream()
                    .map(g -> new Vars.Option(g.name(), String.valueOf(g.id()))).toList()));
        };
    }

    /** The administrator's decision: the group, the reason, and archive or keep. */
    public JavaDelegate check() {
        return execution -> {
            // N2-1: the acting administrator's facility in the register, not a variable, says which groups are theirs
            Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            Group group = groups.group(Vars.id(execution, "groupId", "グループ"))
                    .filter(g -> g.isActive() && g.facilityId().equals(admin.facilityId()))
                    .orElseThrow(() -> new UserError("自施設の有効なグループを選んでください",
                            "choose an active group of your facility"));
            String decision = Vars.choice(execution, "archiveDecision", "判断", "archive", "keep");
            ArchiveReason reason = ArchiveReason.valueOf(
                    Vars.choice(execution, "archiveReason", "保管の理由", ArchiveReason.codes()));
            String note = "keep".equals(decision) ? Vars.text(execution, "archiveNote", "保管しない理由", 1000)
                    : Vars.optionalText(execution, "archiveNote", "補足", 1000);
            String actor = admin.userId();
            execution.setProcessBusinessKey("group:" + group.id());
            execution.removeVariable("groupOptions");
            execution.setVariable("groupId", group.id());
            execution.setVariable("archiveReason", reason.name());
            execution.setVariable("archiveNote", note);
            execution.setVariable("decidedBy", actor);
            execution.setVariable("mcsSubject", group.name() + "（" + reason.label() + "）");
            execution.setVariable("mcsAssignee", actor);
        };
    }

    /** Confirmed in MCS: every membership ends, the group is archived, an open review of it stops. */
    public JavaDelegate archive() {
        return execution -> {
            long groupId = Vars.id(execution, "groupId", "グループ");
            groups.archive(groupId, ArchiveReason.valueOf((String) execution.getVariable("archiveReason")),
                    (String) execution.getVariable("archiveNote"), (String) execution.getVariable("mcsConfirmedBy"),
                    execution.getProcessInstanceId());
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ARCHIVED_MESSAGE)
                    .processInstanceVariableEquals("groupId", groupId).correlateAll();
            log.info("[group:{}] archived ({})", groupId, execution.getVariable("archiveReason"));
        };
    }

    /** Not archived: the administrator's reason stays in the group's decision log. */
    public JavaDelegate kept() {
        return execution -> decisions.record(HandoverSteps.SUBJECT, Vars.id(execution, "groupId", "グループ"),
                Step.DECLINE, "保管しない: " + execution.getVariable("archiveNote"),
                (String) execution.getVariable("decidedBy"), execution.getProcessInstanceId());
    }
}
