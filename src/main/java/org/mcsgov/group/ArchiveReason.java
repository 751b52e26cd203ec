package org.mcsgov.group;

import java.util.Arrays;

/** Why a patient's group goes to the archive (N2-1): the patient no longer uses MCS. */
public enum ArchiveReason {
    CARE_ENDED("在宅療養の終了"),
    MOVED("転居・転院"),
    DECEASED("死亡"),
    CONSENT_WITHDRAWN("同意の撤回");

    private final String label;

    ArchiveReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String[] codes() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
