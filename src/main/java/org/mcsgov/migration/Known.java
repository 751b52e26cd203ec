package org.mcsgov.migration;

import java.time.LocalDate;

/** What the register holds already, as a dry run asks it (nothing is written). */
public interface Known {

    boolean facility(String facilityId);

    boolean user(String userId);

    /** A live entry (pending, active, locked, suspended) has this e-mail address (A11-2). */
    boolean liveEmail(String email);

    /** The facility's patient with this kana and birth date (the patient's natural key). */
    default boolean patient(String facilityId, String kana, LocalDate birthDate) {
        return false;
    }

    /** The patient has a requested or active group (N1-1: one per patient), whatever its name. */
    default boolean patientHasLiveGroup(String facilityId, String kana, LocalDate birthDate) {
        return false;
    }

    /** A requested or active group of the originating facility with this name. */
    default boolean group(String facilityId, String name) {
        return false;
    }

    /** The person is a current member of that group. */
    default boolean member(String facilityId, String groupName, String userId) {
        return false;
    }

    default boolean device(String facilityId, String assetNumber) {
        return false;
    }
}
