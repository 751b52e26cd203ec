package org.mcsgov.invitation;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.springframework.stereotype.Component;

/**
 * The choices of the request form: the coordinator's facility's active groups (A5-2) and the registered staff of MCS
 * facilities (N1-2). They exist only while the coordinator fills the form in: the invitee and their administrators
 * act in the same instance later and may read its variables, and the group names are patients' names (least
 * knowledge, docs/trust-boundary.md). A return for correction loads them again.
 */
@Component
class InvitationOptions {

    private final DirectoryService directory;
    private final GroupService groups;

    InvitationOptions(DirectoryService directory, GroupService groups) {
        this.directory = directory;
        this.groups = groups;
    }

    void load(DelegateExecution execution, String facilityId) {
        var groupOptions = groups.activeGroupsOf(facilityId).stream()
                .map(g -> new Vars.Option(g.name() + ("FREE".equals(g.kind()) ? "（自由グループ）" : ""),
                        String.valueOf(g.id()))).toList();
        if (groupOptions.isEmpty()) {
            throw new UserError("招待できる有効なグループがありません。先にグループを作成してください",
                    "your facility has no active group to invite into");
        }
        Map<String, String> facilityNames = directory.facilities().stream()
                .collect(Collectors.toMap(Facility::id, Facility::name));
        var staffOptions = directory.activeStaffOfMcsFacilities().stream()
                .map(s -> new Vars.Option(s.name() + "（" + facilityNames.get(s.facilityId()) + "・" + s.profession()
                        + "）", String.valueOf(s.id()))).toList();
        execution.setVariable("groupOptions", Vars.options(groupOptions));
        execution.setVariable("staffOptions", Vars.options(staffOptions));
    }

    /** Once the choice is validated: nobody after the coordinator needs the lists. */
    void clear(DelegateExecution execution) {
        execution.removeVariable("groupOptions");
        execution.removeVariable("staffOptions");
    }
}
