package org.mcsgov.directory;

/** A facility (事業所). usesMcs: it uses and manages MCS as a facility (N1-2). */
public record Facility(String id, String name, FacilityKind kind, boolean usesMcs) {
}
