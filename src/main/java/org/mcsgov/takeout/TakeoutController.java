package org.mcsgov.takeout;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.platform.ApiErrors;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.Csv;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.ReadPolicy;
import org.mcsgov.takeout.Takeout.State;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Take-out requests for audits (A12-9): a facility's requests (JSON or CSV) and one request with its decisions.
 * Readable by the facility's managers and MCS administrators and the association office; a request also by its
 * applicant, who may withdraw it before the decision (取り下げ).
 */
@RestController
@RequestMapping("/api")
public class TakeoutController {

    private static final List<String> CSV_HEADER = List.of("申請ID", "事業所", "申請者", "端末ID", "持ち出す情報", "目的",
            "持ち出し先", "開始日", "返却予定日", "状態", "承認者", "終了理由", "返却時の状態", "返却確認者", "申請日時", "終了日時",
            "プロセス");

    private final TakeoutService takeouts;
    private final DecisionLog decisions;
    private final CurrentUser currentUser;
    private final ReadPolicy readPolicy;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    public TakeoutController(TakeoutService takeouts, DecisionLog decisions, CurrentUser currentUser, ReadPolicy readPolicy,
                             IdentityService identityService, RuntimeService runtimeService) {
        this.takeouts = takeouts;
        this.decisions = decisions;
        this.currentUser = currentUser;
        this.readPolicy = readPolicy;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    public record View(Takeout takeout, List<DecisionLog.Entry> history) {
    }

    public record Withdraw(String reason) {
    }

    @GetMapping("/facilities/{facilityId}/takeouts")
    public List<Takeout> takeoutsOf(@PathVariable String facilityId) {
        if (!readPolicy.readsFacility(facilityId)) {
            throw ApiErrors.forbidden();
        }
        return takeouts.takeoutsOf(facilityId);
    }

    @GetMapping("/facilities/{facilityId}/takeouts.csv")
    public ResponseEntity<byte[]> takeoutsCsv(@PathVariable String facilityId) {
        List<List<Object>> rows = takeoutsOf(facilityId).stream().map(t -> Arrays.<Object>asList(t.id(), t.facilityId(),
                t.applicantUserId(), t.deviceId(), t.content(), t.purpose(), t.destination(), t.fromDate(), t.toDate(),
                State.valueOf(t.state()).label(), t.approvedBy(), t.closeReason(), t.returnCondition(), t.confirmedBy(), t.requestedAt(),
                t.closedAt(), t.processInstanceId())).toList();
        return Csv.response("takeouts-" + facilityId + ".csv", CSV_HEADER, rows);
    }

    @GetMapping("/takeouts/{id}")
    public View takeout(@PathVariable long id) {
        Takeout takeout = takeouts.takeout(id).orElseThrow(() -> ApiErrors.notFound("持ち出し申請", id));
        boolean allowed = readPolicy.readsFacility(takeout.facilityId())
                || currentUser.id().equals(takeout.applicantUserId());
        if (!allowed) {
            throw ApiErrors.forbidden();
        }
        return new View(takeout, decisions.entries(TakeoutSteps.SUBJECT, id));
    }

    /** 取り下げ by the applicant before the decision (message takeout-withdraw, an event sub-process in Cockpit). */
    @PostMapping("/takeouts/{id}/withdraw")
    public Map<String, String> withdraw(@PathVariable long id, @RequestBody Withdraw withdraw) {
        // refused before anything is looked up: the column would refuse it with a 500 quoting the SQL
        if (withdraw != null && withdraw.reason() != null && withdraw.reason().strip().length() > UserError.MAX_REASON) {
            throw UserError.tooLong("理由", "the reason");
        }
        Takeout takeout = takeouts.takeout(id).orElseThrow(() -> ApiErrors.notFound("持ち出し申請", id));
        if (!currentUser.id().equals(takeout.applicantUserId())) {
            throw ApiErrors.forbidden();
        }
        State state = State.valueOf(takeout.state());
        if (state != State.REQUESTED && state != State.RETURNED_FOR_CORRECTION) {
            throw new UserError("決定の後は取り下げられません（" + state + "）", "the request has been decided: " + state);
        }
        if (withdraw == null || withdraw.reason() == null || withdraw.reason().isBlank()) {
            throw new UserError("取り下げの理由を入力してください", "a reason is required to withdraw");
        }
        String me = currentUser.id();
        AsSystem.call(identityService, () -> runtimeService.createMessageCorrelation("takeout-withdraw")
                .processInstanceBusinessKey("takeout:" + id)
                .setVariable("withdrawReason", withdraw.reason().strip())
                .setVariable("withdrawnBy", me)
                .correlateWithResult());
        return Map.of("state", takeouts.takeout(id).orElseThrow().state());
    }
}
