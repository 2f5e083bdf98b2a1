/**
 * The provider catalog: providers, their components, probe definitions and official status sources, loaded from YAML and validated at start-up.
 */
package dev.llmstatus.catalog;
