package org.mcsgov.directory;

import static org.mcsgov.platform.Rows.now;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The register of confidentiality pledges (誓約書, A9-1), append-only. A person is found by e-mail, so a pledge signed
 * at one facility is on record when the person moves to another.
 */
@Service
public class PledgeRegister {

    public static final String VERSION = "2026-1";
    /** The pledge's points as the form shows them (one per line). */
    public static final List<String> POINTS = List.of(
            "MCSの運用ポリシーとルールを守ります。",
            "業務で知り得た患者・利用者の情報を漏らしません（退職後も同じです）。",
            "端末（パソコン・スマートフォン等）を適切に扱い、紛失・盗難・のぞき見を防ぎます。",
            "MCSと患者の情報を、業務の目的以外に使いません。",
            "患者・利用者とその家族のプライバシーを侵害しません。");

    /**
     * Signed in the system, refused, on record (confirmed, or a paper pledge), acknowledged when leaving. MIGRATED: on
     * record at migration (初期移行, register-import): signed on paper before this register existed.
     */
    public enum Status {
        SIGNED("署名"), REFUSED("拒否"), ON_RECORD("記録あり"), MIGRATED("移行時に記録あり"), ACKNOWLEDGED("退職時の確認");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;

    public PledgeRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String pointsText() {
        return String.join("\n", POINTS.stream().map(p -> "・" + p).toList());
    }

    public void record(Staff staff, Status status, String recordedBy, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO pledge (staff_id, email, facility_id, status, version, points, signed_at, recorded_by,
                    process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(staff.id(), staff.email().toLowerCase(), staff.facilityId(), status.name(), VERSION,
                        pointsText(), now(), recordedBy, processInstanceId).update();
    }

    /**
     * A pledge the person signed on paper before the system (A9-1): on record from now, with the paper's date and where
     * the paper is kept, so that an auditor can ask for it.
     */
    public void recordOnPaper(Staff staff, LocalDate paperSignedOn, String paperKeptAt, String recordedBy,
                              String processInstanceId) {
        jdbc.sql("""
                INSERT INTO pledge (staff_id, email, facility_id, status, version, points, signed_at, recorded_by,
                    process_instance_id, paper_signed_on, paper_kept_at)
                VALUES (?, ?, ?, 'ON_RECORD', ?, ?, ?, ?, ?, ?, ?)""")
                .params(staff.id(), staff.email().toLowerCase(), staff.facilityId(), VERSION, pointsText(), now(),
                        recordedBy, processInstanceId, paperSignedOn, paperKeptAt).update();
    }

    /** The person's latest pledge decision (signed, confirmed on record or refused), whichever facility. */
    public Optional<Status> latest(String email) {
        return jdbc.sql("""
                SELECT status FROM pledge WHERE email = ? AND status IN ('SIGNED', 'ON_RECORD', 'MIGRATED', 'REFUSED')
                ORDER BY signed_at DESC, id DESC""")
                .param(email.toLowerCase()).query((rs, n) -> Status.valueOf(rs.getString(1))).list().stream()
                .findFirst();
    }

    public boolean hasSigned(String email) {
        return latest(email).filter(s -> s != Status.REFUSED).isPresent();
    }

    /** Whether the facility keeps its pledges in this register (it has onboarded someone through staff-onboarding). */
    public boolean facilityUsesRegister(String facilityId) {
        return jdbc.sql("SELECT COUNT(*) FROM pledge WHERE facility_id = ?").param(facilityId)
                .query(Long.class).single() > 0;
    }
}
