package org.mcsgov.attestation;

import java.util.List;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.ApiErrors;
import org.mcsgov.security.ReadPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's password attestations (A11-1), newest first: readable by the person, their facility's MCS
 * administrators and managers, and the association office: ReadPolicy's rule for a person, as for a person's groups.
 */
@RestController
@RequestMapping("/api")
public class AttestationController {

    private final AttestationSteps attestations;
    private final DirectoryService directory;
    private final ReadPolicy readPolicy;

    public AttestationController(AttestationSteps attestations, DirectoryService directory, ReadPolicy readPolicy) {
        this.attestations = attestations;
        this.directory = directory;
        this.readPolicy = readPolicy;
    }

    @GetMapping("/staff/{userId}/attestations")
    public List<AttestationSteps.Attestation> attestationsOf(@PathVariable String userId) {
        Staff person = directory.staffByUserId(userId).orElseThrow(() -> ApiErrors.notFound("職員", userId));
        if (!readPolicy.readsPerson(userId, person.facilityId())) {
            throw ApiErrors.forbidden();
        }
        return attestations.history(person.id());
    }
}
