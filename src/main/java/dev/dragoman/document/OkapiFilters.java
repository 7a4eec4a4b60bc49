package dev.dragoman.document;

import java.util.List;

import net.sf.okapi.common.IParameters;
import net.sf.okapi.common.MimeTypeMapper;
import net.sf.okapi.common.filters.FilterConfiguration;
import net.sf.okapi.common.filters.FilterConfigurationMapper;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.filters.html.HtmlFilter;
import net.sf.okapi.filters.json.JSONFilter;
import net.sf.okapi.filters.markdown.MarkdownFilter;
import net.sf.okapi.filters.openxml.OpenXMLFilter;
import net.sf.okapi.filters.po.POFilter;
import net.sf.okapi.filters.properties.PropertiesFilter;
import net.sf.okapi.filters.vtt.VTTFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.filters.xliff2.XLIFF2Filter;
import net.sf.okapi.filters.yaml.YamlFilter;

/**
 * The Okapi filters Dragoman reads documents with, by filter configuration id ({@code okf_json}, {@code okf_po}, …,
 * and the variants Okapi ships such as {@code okf_po-monolingual}). The mapper is shared: it only looks up
 * configurations; each document gets a filter instance of its own, since a filter keeps the state of the document it
 * reads. {@code okf_vtt} is Dragoman's {@link CueByCueVttFilter}.
 */
final class OkapiFilters {

    /** The configuration of Dragoman's HTML parameters, which the Markdown filter uses for the HTML in Markdown. */
    static final String MARKDOWN_HTML = "okf_html@dragoman";

    private static final FilterConfigurationMapper MAPPER = mapper();

    private OkapiFilters() {
    }

    /** Whether Dragoman can create a filter for this configuration id. */
    static boolean knows(String filterConfigId) {
        return MAPPER.getConfiguration(filterConfigId) != null;
    }

    /**
     * A new filter for the format, its parameters set from the format's parameter text over the filter's defaults.
     *
     * @throws IllegalArgumentException when the configuration id is unknown
     */
    static IFilter create(DocumentFormat format) {
        if (!knows(format.filterConfigId())) {
            throw new IllegalArgumentException("unknown Okapi filter configuration " + format.filterConfigId());
        }
        IFilter filter = MAPPER.createFilter(format.filterConfigId());
        filter.setFilterConfigurationMapper(MAPPER);
        IParameters params = filter.getParameters();
        if (format.params() != null && params != null) {
            params.fromString(format.params());
        }
        return filter;
    }

    private static FilterConfigurationMapper mapper() {
        FilterConfigurationMapper mapper = new FilterConfigurationMapper();
        List.of(POFilter.class, XLIFFFilter.class, XLIFF2Filter.class, JSONFilter.class, PropertiesFilter.class,
                YamlFilter.class, MarkdownFilter.class, HtmlFilter.class, OpenXMLFilter.class)
                .forEach(filter -> mapper.addConfigurations(filter.getName()));
        // by hand: the configuration VTTFilter declares names a parameter file beside its own class, not beside this
        mapper.addConfiguration(new FilterConfiguration(VTTFilter.FILTER_NAME, VTTFilter.FILTER_MIME,
                CueByCueVttFilter.class.getName(), "VTT and SRT", "WebVTT and SubRip subtitles, cue by cue", null,
                ".vtt;.srt"));
        // Dragoman's HTML configuration, also for the HTML inside Markdown (the Markdown filter asks the mapper for it)
        FilterConfiguration html = new FilterConfiguration();
        html.configId = MARKDOWN_HTML;
        html.filterClass = HtmlFilter.class.getName();
        html.mimeType = MimeTypeMapper.HTML_MIME_TYPE;
        html.name = MARKDOWN_HTML;
        html.description = "Dragoman's HTML configuration";
        html.parameters = new net.sf.okapi.filters.html.Parameters();
        html.parameters.fromString(FilterDefaults.of("html", "okf_html"));
        mapper.addConfiguration(html);
        return mapper;
    }
}
