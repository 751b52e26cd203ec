package org.mcsgov.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.ApiErrors;
import org.mcsgov.platform.Csv;
import org.mcsgov.web.Visibility;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read views of the register for audits: a group's members now or on a day, and a person's groups.
 * Readable by the originating facility's managers, administrators and coordinators, the group's own members,
 * the person's facility administrators, and the association office.
 */
@RestController
@RequestMapping("/api")
public class GroupController {

    private static final List<String> CSV_HEADER = List.of("グループID", "職員ID", "ユーザーID", "氏名", "事業所",
            "職種", "役割", "参加日時", "終了日時", "招待者", "承認者", "参加プロセス", "終了者", "終了理由", "終了プロセス");

    private final GroupService groups;
    private final DirectoryService directory;
    private final Visibility visibility;

    public GroupController(GroupService groups, DirectoryService directory, Visibility visibility) {
        this.groups = groups;
        this.directory = directory;
        this.visibility = visibility;
    }

    @GetMapping("/groups/{id}/members")
    public List<Member> members(@PathVariable long id,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Group group = readableGroup(id);
        return on == null ? groups.currentMembers(group.id()) : groups.membersOn(group.id(), on);
    }

    @GetMapping("/groups/{id}/members.csv")
    public ResponseEntity<byte[]> membersCsv(@PathVariable long id,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        List<List<Object>> rows = members(id, on).stream().map(m -> Arrays.<Object>asList(m.groupId(), m.staffId(),
                m.userId(), m.name(), m.facilityName(), m.profession(), m.role(), m.validFrom(), m.validTo(),
                m.invitedBy(), m.approvedBy(), m.openedProcessInstanceId(), m.closedBy(), m.closeReason(),
                m.closedProcessInstanceId())).toList();
        return Csv.response("group-" + id + "-members" + (on == null ? "" : "-" + on) + ".csv", CSV_HEADER, rows);
    }

    @GetMapping("/staff/{userId}/groups")
    public List<Group> groupsOf(@PathVariable String userId) {
        Staff person = directory.staffByUserId(userId).orElseThrow(() -> ApiErrors.notFound("職員", userId));
        if (!visibility.staff(person.id())) {
            throw ApiErrors.forbidden();
        }
        return groups.currentGroupsOf(person.id());
    }

    /** Visibility's rule, the one the register pages and their CSV use: one rule for who reads a group. */
    private Group readableGroup(long id) {
        Group group = groups.group(id).orElseThrow(() -> ApiErrors.notFound("グループ", id));
        if (!visibility.group(id)) {
            throw ApiErrors.forbidden();
        }
        return group;
    }
}
