/**
 * The pages people read: page controllers and templates, landing and error pages, the error lookup, sitemap and
 * robots, and the page cache. Reads only the status snapshot; the JSON API, feeds and badges are in {@code api}.
 */
package dev.llmstatus.web;
