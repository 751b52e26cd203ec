package org.mcsgov.migration;

/** What the register holds already, as a dry run asks it (nothing is written). */
public interface Known {

    boolean facility(String facilityId);

    boolean user(String userId);

    /** A live entry (pending, active, locked, suspended) has this e-mail address (A11-2). */
    boolean liveEmail(String email);
}
