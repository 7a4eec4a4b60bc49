package dev.dragoman.document;

/**
 * How a file is read: the Okapi filter configuration and the parameters it gets.
 *
 * @param name           po, xliff, xliff2, json, properties, yaml, markdown, html, srt, vtt, docx, or the filter
 *                       configuration id a user mapped the file to
 * @param filterConfigId the Okapi filter configuration id, e.g. {@code okf_json}
 * @param params         the Okapi parameter text ({@code .fprm}, or the YAML configuration of the HTML filter) applied
 *                       over the filter's own defaults, or null for the filter's defaults
 */
public record DocumentFormat(String name, String filterConfigId, String params) {
}
