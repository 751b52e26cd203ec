package org.mcsgov.directory;

import java.util.Set;

/** What an MCS administrator registers for a new staff member (A8-5). */
public record NewStaff(String facilityId, String userId, String name, String kana, String profession, String email,
                       String initialPassword, Set<Role> roles) {
}
