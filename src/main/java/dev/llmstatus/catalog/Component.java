package dev.llmstatus.catalog;

/**
 * A part of a provider that we probe on its own ("API", "Website").
 *
 * @param key unique within the provider, lowercase letters, digits and dashes
 * @param name display name
 * @param officialComponent the name of the matching component on the official status page, or {@code null}
 * @param probe how we check it
 */
public record Component(String key, String name, String officialComponent, ProbeDefinition probe) {
}
