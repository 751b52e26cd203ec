package org.mcsgov.device;

import java.time.OffsetDateTime;

/**
 * A device used for MCS (A8-2): facility-owned or personally owned and used for work (A12-10). usable: it passed its
 * latest security checklist (A12-1..A12-8); holder: the person it is lent to now, if any.
 */
public record Device(long id, String facilityId, String kind, String assetNumber, String model, String ownership,
                     Long ownerStaffId, String state, boolean usable, String registeredBy, OffsetDateTime registeredAt,
                     Long holderStaffId, String holderUserId, String holderName) {

    /** States a device is in; LOST and RETIRED are final. */
    public enum State {
        CHECK_PENDING("点検待ち"), IN_USE("使用中（施設内）"), UNUSABLE("使用不可（点検不合格）"), ON_LOAN("貸与中"),
        TAKEN_OUT("持ち出し中"), LOST("紛失・盗難"), RETIRED("廃棄・使用終了");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String label() {
        return model + "（" + assetNumber + "）";
    }

    /** Usable for MCS and at hand: may be lent or taken out. */
    public boolean available() {
        return usable && (State.IN_USE.name().equals(state) || State.ON_LOAN.name().equals(state));
    }
}
