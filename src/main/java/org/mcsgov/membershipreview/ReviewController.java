package org.mcsgov.membershipreview;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mcsgov.platform.Csv;
import org.mcsgov.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The membership reviews for the association office (N1-3): a campaign's report (who decided what and when, the
 * counts, the groups still open) and the history across campaigns, as JSON or CSV (UTF-8 with BOM, for Excel).
 */
@RestController
@RequestMapping("/api/reviews")
public class ReviewController {

    private static final List<String> CAMPAIGN_HEADER = List.of("キャンペーン", "グループID", "グループ", "事業所",
            "見直す人", "状態", "判断した人", "判断日時", "残す", "外す", "既に離脱", "保管の提案", "理由", "プロセス");
    private static final List<String> HISTORY_HEADER = List.of("キャンペーン", "グループID", "グループ", "事業所",
            "ユーザーID", "メンバー", "メンバーの事業所", "判断", "無回答・既定", "判断した人", "判断日時", "理由");

    private final ReviewReport reports;
    private final CurrentUser currentUser;

    public ReviewController(ReviewReport reports, CurrentUser currentUser) {
        this.reports = reports;
        this.currentUser = currentUser;
    }

    @GetMapping("/campaigns/{id}")
    public ReviewReport.CampaignReport campaign(@PathVariable long id) {
        requireOffice();
        return reports.campaign(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "見直しキャンペーンが見つかりません / not found: " + id));
    }

    @GetMapping("/campaigns/{id}.csv")
    public ResponseEntity<byte[]> campaignCsv(@PathVariable long id) {
        var rows = campaign(id).groups().stream().map(g -> Arrays.<Object>asList(id, g.groupId(), g.groupName(),
                g.facilityId(), g.reviewer(), g.status(), g.decidedBy(), g.decidedAt(), g.kept(), g.removed(),
                g.left(), g.archiveProposed(), g.justification(), g.processInstanceId())).toList();
        return Csv.response("review-campaign-" + id + ".csv", CAMPAIGN_HEADER, rows);
    }

    @GetMapping("/history")
    public List<ReviewReport.Decision> history(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String facility, @RequestParam(required = false) String decision) {
        requireOffice();
        return reports.history(from, to, facility, decision);
    }

    @GetMapping("/history.csv")
    public ResponseEntity<byte[]> historyCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String facility, @RequestParam(required = false) String decision) {
        var rows = history(from, to, facility, decision).stream().map(d -> Arrays.<Object>asList(d.campaignId(),
                d.groupId(), d.groupName(), d.facilityId(), d.userId(), d.memberName(), d.memberFacilityId(),
                d.decision(), d.byDefault(), d.decidedBy(), d.decidedAt(), d.justification())).toList();
        return Csv.response("review-history.csv", HISTORY_HEADER, rows);
    }

    private void requireOffice() {
        if (!currentUser.isOffice()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この情報を閲覧する権限がありません / you may not read this");
        }
    }
}
