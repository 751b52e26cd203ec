package org.mcsgov.directory;

/** A registered person. userId is their one Camunda account (A11-2). */
public record Staff(long id, String facilityId, String userId, String name, String kana, String profession,
                    String email, String status) {

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
