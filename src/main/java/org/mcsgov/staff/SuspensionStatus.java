package org.mcsgov.staff;

/** staff_suspension.status (user-suspension, N2-2): suspended until an MCS administrator lifts it or bans the person. */
public enum SuspensionStatus {
    SUSPENDED("利用停止中"), LIFTED("解除"), BANNED("利用禁止");

    private final String label;

    SuspensionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
