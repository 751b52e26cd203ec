package org.mcsgov.correction;

/** correction.status: waiting for the manager's approval, applied to the register, refused, or expired (訂正). */
public enum CorrectionStatus {
    REQUESTED("承認待ち"), APPLIED("反映済み"), REFUSED("却下"), EXPIRED("期限切れ");

    private final String label;

    CorrectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
