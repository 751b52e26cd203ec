package org.mcsgov.attestation;

/** password_attestation.status (password-attestation, A11-1): waiting for the answer, past its due date, attested. */
public enum AttestationStatus {
    OPEN("回答待ち"), OVERDUE("期限超過"), ATTESTED("変更済み");

    private final String label;

    AttestationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
