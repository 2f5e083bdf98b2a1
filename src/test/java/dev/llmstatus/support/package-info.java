/**
 * Test support shared by the feature packages: the PostgreSQL test database and its availability rules.
 */
package dev.llmstatus.support;
