/**
 * Page controllers and templates, landing pages, sitemap and robots, the JSON API, feeds, badges and the page cache.
 */
package dev.llmstatus.web;
