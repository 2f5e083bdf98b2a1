/**
 * Test support shared by the feature packages: the PostgreSQL test database and its availability rules, and the MVC
 * slice set-up for controller tests ({@link dev.llmstatus.support.WebSliceTest}).
 */
package dev.llmstatus.support;
