/**
 * The provider catalog: providers, their aliases, components, check definitions and their kinds (front door, model
 * inference), official status sources and docs links, bound from YAML to records and validated at start-up. Depends
 * on no other feature.
 */
package dev.llmstatus.catalog;
