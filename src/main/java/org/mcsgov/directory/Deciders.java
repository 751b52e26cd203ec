package org.mcsgov.directory;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.mcsgov.platform.UserError;
import org.springframework.stereotype.Component;

/**
 * The person completing a decision task, checked in the register at that moment (DESIGN.md §5): holding the task
 * (a candidate group, an assignee someone set) is not enough; they are active and hold one of the roles in the
 * facility the decision belongs to, which the step reads from its procedure's register row.
 */
@Component
public class Deciders {

    private final DirectoryService directory;

    public Deciders(DirectoryService directory) {
        this.directory = directory;
    }

    public Staff require(String userId, String facilityId, Role... roles) {
        Staff staff = directory.staffByUserId(userId == null ? "" : userId).filter(Staff::isActive)
                .filter(s -> s.facilityId().equals(facilityId)).orElse(null);
        if (staff == null || Arrays.stream(roles).noneMatch(directory.activeRoles(staff.id())::contains)) {
            String names = Arrays.stream(roles).map(Role::label).collect(Collectors.joining("・"));
            throw new UserError("この判断ができるのは、その事業所の有効な" + names + "だけです: " + userId,
                    "only an active " + Arrays.toString(roles) + " of facility " + facilityId + " decides: " + userId);
        }
        return staff;
    }
}
