package org.mcsgov.directory;

public enum FacilityKind {
    CLINIC("診療所"),
    HOSPITAL("病院"),
    VISITING_NURSE("訪問看護ステーション"),
    PHARMACY("薬局"),
    CARE_MANAGER("居宅介護支援事業所"),
    ASSOCIATION("医師会"),
    OTHER("その他");

    private final String label;

    FacilityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
