package org.mcsgov.patient;

import java.time.LocalDate;

/** What the patient or family was told and agreed to, or refused (A6). */
public record Consent(String explanation, String consenterType, String consenterName, String consenterRelation,
                      String method, LocalDate consentDate, String documentRef) {
}
