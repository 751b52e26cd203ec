package org.mcsgov.patient;

import java.time.LocalDate;

/** Who withdrew the consent, when and why (A6). */
public record Withdrawal(String withdrawnByType, String withdrawnByName, LocalDate date, String reason) {
}
