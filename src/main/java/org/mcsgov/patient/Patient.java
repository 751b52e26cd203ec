package org.mcsgov.patient;

import java.time.LocalDate;

/** A patient; facilityId is the originating facility that manages the patient's information (A4). */
public record Patient(long id, String facilityId, String name, String kana, LocalDate birthDate) {

    public String label() {
        return name + "（" + kana + "、" + birthDate + "生）";
    }
}
