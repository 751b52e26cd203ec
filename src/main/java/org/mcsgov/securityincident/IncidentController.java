package org.mcsgov.securityincident;

import java.util.Arrays;
import java.util.List;
import org.mcsgov.platform.ApiErrors;
import org.mcsgov.platform.Csv;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.ReadPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incident reports, read-only (N3-10, N3-11, N2-2): a facility's reports and those it was informed of as the
 * originating facility of a patient group concerned (JSON or CSV), and one report with its actions and notices.
 * Readable by the association office, the facility's managers and MCS administrators, the reporter, and the managers,
 * administrators and coordinators of an informed facility. Nothing here changes a report: the process does.
 */
@RestController
@RequestMapping("/api")
public class IncidentController {

    private static final List<String> CSV_HEADER = List.of("報告ID", "事業所", "種類", "内容", "発生", "端末ID", "アカウント職員ID",
            "持ち出し申請ID", "報告者", "報告日時", "状態", "重大度", "指示", "判断者", "判断日時", "エスカレーション", "指示の確認",
            "原因と対策", "終了者", "終了日時", "プロセス");

    private final IncidentService incidents;
    private final CurrentUser currentUser;
    private final ReadPolicy readPolicy;

    public IncidentController(IncidentService incidents, CurrentUser currentUser, ReadPolicy readPolicy) {
        this.incidents = incidents;
        this.currentUser = currentUser;
        this.readPolicy = readPolicy;
    }

    public record View(Incident incident, List<Incident.Action> actions, List<Incident.Notice> notices) {
    }

    @GetMapping("/facilities/{facilityId}/incidents")
    public List<Incident> incidentsOf(@PathVariable String facilityId) {
        if (!readPolicy.readsFacility(facilityId)) {
            throw ApiErrors.forbidden();
        }
        return incidents.incidentsOf(facilityId);
    }

    @GetMapping("/facilities/{facilityId}/incidents.csv")
    public ResponseEntity<byte[]> incidentsCsv(@PathVariable String facilityId) {
        List<List<Object>> rows = incidentsOf(facilityId).stream().map(i -> Arrays.<Object>asList(i.id(), i.facilityId(),
                i.kind(), i.description(), i.occurredAt(), i.deviceId(), i.affectedStaffId(), i.takeoutId(), i.reportedBy(),
                i.reportedAt(), i.state(), i.severity(), i.instructions(), i.triagedBy(), i.triagedAt(), i.escalatedAt(),
                i.acknowledgedAt(), i.summary(), i.closedBy(), i.closedAt(), i.processInstanceId())).toList();
        return Csv.response("incidents-" + facilityId + ".csv", CSV_HEADER, rows);
    }

    @GetMapping("/incidents/{id}")
    public View incident(@PathVariable long id) {
        Incident incident = incidents.incident(id).orElseThrow(() -> ApiErrors.notFound("インシデント", id));
        List<Incident.Notice> notices = incidents.notices(id);
        // a facility told of the incident reads it as it reads the groups concerned
        boolean informed = notices.stream().anyMatch(n -> readPolicy.readsGroupsOf(n.recipient()));
        boolean allowed = informed || currentUser.id().equals(incident.reportedBy())
                || readPolicy.readsFacility(incident.facilityId());
        if (!allowed) {
            throw ApiErrors.forbidden();
        }
        return new View(incident, incidents.actions(id), notices);
    }
}
