package org.mcsgov.directory;

import org.mcsgov.platform.OfficeGroup;

/** Roles of the policy's glossary; each is a Camunda group per facility, "<facilityId>-<suffix>" (A7). */
public enum Role {
    MANAGER("manager", "事業所管理者"),
    MCS_ADMIN("admin", "MCS管理者"),
    COORDINATOR("coord", "担当者"),
    STAFF("staff", "従事者"),
    OFFICE(OfficeGroup.ID, "医師会事務局");

    private final String suffix;
    private final String label;

    Role(String suffix, String label) {
        this.suffix = suffix;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Camunda group of this role; the association office is one group for the whole association. */
    public String groupId(String facilityId) {
        return this == OFFICE ? OfficeGroup.ID : facilityId + "-" + suffix;
    }

    /** The facility of a role's group ("&lt;facilityId&gt;-&lt;suffix&gt;"), or null for any other group. */
    public static String facilityOf(String groupId) {
        if (groupId != null) {
            for (Role role : values()) {
                String suffix = "-" + role.suffix;
                if (role != OFFICE && groupId.endsWith(suffix) && groupId.length() > suffix.length()) {
                    return groupId.substring(0, groupId.length() - suffix.length());
                }
            }
        }
        return null;
    }
}
