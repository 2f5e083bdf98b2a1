package dev.llmstatus.official;

/**
 * One component of an official page.
 *
 * @param name its name on the page
 * @param group the name of the group it sits in, or {@code null}
 * @param level its level in the page's words
 * @param isGroup whether this row is a group (Statuspage lists groups as components with {@code group: true})
 */
public record OfficialComponent(String name, String group, OfficialLevel level, boolean isGroup) {

    public static OfficialComponent of(String name, OfficialLevel level) {
        return new OfficialComponent(name, null, level, false);
    }

}
