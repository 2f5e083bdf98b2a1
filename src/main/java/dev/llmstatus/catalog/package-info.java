/**
 * The provider catalog: providers, their aliases, components, probe and model definitions and official status sources, bound from YAML to records and validated at start-up.
 */
package dev.llmstatus.catalog;
