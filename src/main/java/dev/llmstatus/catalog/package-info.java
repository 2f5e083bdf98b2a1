/**
 * The provider catalog: providers, their components, check definitions and their kinds, official status sources
 * and docs links, loaded from YAML and validated at start-up. Depends on no other feature.
 */
package dev.llmstatus.catalog;
