package org.mcsgov.platform;

/**
 * The Camunda group of the association office, one for the whole association. In the platform because the records
 * below the registers (the office's notices) address it too; {@code Role.OFFICE} names the same group.
 */
public final class OfficeGroup {

    public static final String ID = "office";

    private OfficeGroup() {
    }
}
