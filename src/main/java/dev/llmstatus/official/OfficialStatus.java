package dev.llmstatus.official;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a provider's official status page said the last time we read it, in the page's own words.
 *
 * @param provider provider slug
 * @param fetchedAt when we read it
 * @param overall the page's own overall level (its indicator where it has one); {@link OfficialLevel#UNKNOWN} when
 * the page was unreadable
 * @param description the page's own headline ("All Systems Operational"), or {@code null}
 * @param components its components and groups, in page order
 * @param incidents unresolved and recent incidents, newest first
 * @param maintenances upcoming, in-progress and recently completed maintenances, soonest first
 * @param error why the page could not be read (naming the platform), or {@code null}
 */
public record OfficialStatus(String provider, Instant fetchedAt, OfficialLevel overall, String description,
        List<OfficialComponent> components, List<OfficialIncident> incidents, List<OfficialIncident> maintenances,
        String error) {

    public OfficialStatus {
        components = (components != null) ? List.copyOf(components) : List.of();
        incidents = (incidents != null) ? List.copyOf(incidents) : List.of();
        maintenances = (maintenances != null) ? List.copyOf(maintenances) : List.of();
    }

    /** A reading that says only why the page could not be read. */
    public static OfficialStatus unreadable(String provider, Instant fetchedAt, String error) {
        return new OfficialStatus(provider, fetchedAt, OfficialLevel.UNKNOWN, null, null, null, null, error);
    }

    public boolean readable() {
        return this.error == null && this.overall.known();
    }

    /**
     * The level of a component or group by its name on the page: a group row's own level where the page gives one,
     * else the worst of its children; {@link OfficialLevel#UNKNOWN} when the page has no such name.
     */
    public OfficialLevel level(String name) {
        OfficialLevel level = OfficialLevel.UNKNOWN;
        for (OfficialComponent component : this.components) {
            if (component.name().equals(name) && component.level().known()) {
                return component.level();
            }
            if (name.equals(component.group()) && !component.isGroup()) {
                level = OfficialLevel.worse(level, component.level());
            }
        }
        return level;
    }

    /** The components that are not group rows. */
    public List<OfficialComponent> leaves() {
        return this.components.stream().filter((component) -> !component.isGroup()).toList();
    }

    /**
     * The components that are not group rows, by the name of their group ({@code ""} for those outside any group),
     * groups in page order.
     */
    public Map<String, List<OfficialComponent>> byGroup() {
        Map<String, List<OfficialComponent>> groups = new LinkedHashMap<>();
        for (OfficialComponent component : leaves()) {
            groups.computeIfAbsent((component.group() != null) ? component.group() : "", (key) -> new ArrayList<>())
                .add(component);
        }
        return groups;
    }

    /** How many components are not operational. */
    public long troubled() {
        return leaves().stream().filter((c) -> c.level().known() && c.level() != OfficialLevel.OPERATIONAL).count();
    }

    /** The maintenance in progress now, if any. */
    public List<OfficialIncident> maintenancesInProgress() {
        return this.maintenances.stream().filter(OfficialIncident::inProgress).toList();
    }

    public List<OfficialIncident> upcomingMaintenances() {
        return this.maintenances.stream().filter(OfficialIncident::upcoming).toList();
    }

}
