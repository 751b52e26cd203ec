package org.mcsgov.attestation;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's password attestations (A11-1), newest first: readable by the person, their facility's MCS
 * administrators and managers, and the association office, like a person's groups.
 */
@RestController
@RequestMapping("/api")
public class AttestationController {

    private final AttestationSteps attestations;
    private final DirectoryService directory;
    private final IdentityService identityService;

    public AttestationController(AttestationSteps attestations, DirectoryService directory,
                                 IdentityService identityService) {
        this.attestations = attestations;
        this.directory = directory;
        this.identityService = identityService;
    }

    @GetMapping("/staff/{userId}/attestations")
    public List<AttestationSteps.Attestation> attestationsOf(@PathVariable String userId) {
        Staff person = directory.staffByUserId(userId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "職員が見つかりません / not found: " + userId));
        var me = identityService.getCurrentAuthentication();
        List<String> readers = List.of(Role.OFFICE.groupId(null), "camunda-admin",
                Role.MCS_ADMIN.groupId(person.facilityId()), Role.MANAGER.groupId(person.facilityId()));
        if (!me.getUserId().equals(userId) && me.getGroupIds().stream().noneMatch(readers::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この情報を閲覧する権限がありません / you may not read this");
        }
        return attestations.history(person.id());
    }
}
