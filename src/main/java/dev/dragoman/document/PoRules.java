package dev.dragoman.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.util.ULocale;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.EventType;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.DocumentPart;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.skeleton.GenericSkeleton;
import net.sf.okapi.common.skeleton.GenericSkeletonPart;
import net.sf.okapi.common.skeleton.SkeletonUtil;
import net.sf.okapi.filters.po.POFilter;

/**
 * Gettext PO and POT catalogues (https://www.gnu.org/software/gettext/manual/html_node/PO-Files.html), made into a
 * catalogue of the target language.
 *
 * <p>Okapi's PO filter gives each {@code msgstr[n]} of a {@code msgid_plural} entry a text unit, in a group, as many
 * as the catalogue's own header says (two for a template's {@code nplurals=INTEGER}), and writes the header back as it
 * was. The target language may need another number: Polish three, Arabic six, Japanese one. So each plural group is
 * given exactly the target's number of units here, before anything reads or writes them: missing forms are copies of
 * the last unit (its source is {@code msgid_plural}) whose skeleton writes {@code msgstr[n]} with their own index,
 * extra forms are dropped with their skeleton. The header gets {@code Language} and the target's {@code Plural-Forms}
 * ({@link GettextPluralForms}), and loses the {@code fuzzy} flag that a template's header carries, since msgfmt
 * ignores a fuzzy header and would then find plural forms without a {@code Plural-Forms}.
 *
 * <p>An entry whose {@code msgstr} is filled keeps it and is not offered for translation. The note of a segment gives
 * its {@code msgctxt}, the extracted and translator comments ({@code #.}, {@code #}) and, for a plural form, which
 * counts it is for.
 */
final class PoRules implements FormatRules {

    private static final String PLURAL_GROUP = "x-gettext-plurals";
    private static final Pattern LANGUAGE = Pattern.compile("(?m)^\"Language:[^\"\\r\\n]*\"");
    private static final Pattern FLAGS = Pattern.compile("(?m)^#,([^\\r\\n]*)(\\r?\\n)?");
    private static final String HEADER_START = "msgstr \"\"";

    private final LocaleId target;
    private final Optional<GettextPluralForms> forms;
    private final List<String> formNotes;
    private final Map<String, Integer> formOfUnit = new HashMap<>();
    private List<Event> group;
    private boolean headerSeen;

    PoRules(LocaleId target) {
        this.target = target;
        this.forms = GettextPluralForms.of(target);
        this.formNotes = forms.map(GettextPluralForms::notes).orElse(List.of());
    }

    @Override
    public List<Event> adjust(Event event) {
        if (event.getEventType() == EventType.START_DOCUMENT) {
            group = null;
            headerSeen = false;
            formOfUnit.clear();
        }
        if (group != null) {
            group.add(event);
            return event.getEventType() == EventType.END_GROUP ? pluralGroup() : List.of();
        }
        if (event.getEventType() == EventType.START_GROUP
                && PLURAL_GROUP.equals(event.getStartGroup().getType())) {
            group = new ArrayList<>(List.of(event));
            return List.of();
        }
        if (event.getEventType() == EventType.DOCUMENT_PART && !headerSeen
                && event.getResource().getSkeleton() instanceof GenericSkeleton skeleton
                && skeleton.toString().contains(HEADER_START)) {
            headerSeen = true;
            header(event.getDocumentPart(), skeleton);
        }
        return List.of(event);
    }

    @Override
    public boolean wanted(ITextUnit unit) {
        return !FormatRules.hasTranslation(unit, target);
    }

    @Override
    public String note(ITextUnit unit) {
        Property context = unit.getProperty(POFilter.PROPERTY_CONTEXT);
        Integer form = formOfUnit.get(unit.getId());
        return new NoteText().add("msgctxt", context == null ? null : context.getValue()).addNotes(unit)
                .add("plural", form == null ? null : formNotes.get(form)).text();
    }

    /** The group's units, exactly as many as the target language has plural forms. */
    private List<Event> pluralGroup() {
        List<Event> events = group;
        group = null;
        GettextPluralForms plural = forms.orElseThrow(() -> new DocumentFailure(
                "Dragoman knows no gettext Plural-Forms for " + target.toBCP47()
                        + ", which this catalogue's plural entries need"));
        List<Event> units = events.subList(1, events.size() - 1);
        List<Event> adjusted = new ArrayList<>();
        adjusted.add(events.get(0));
        for (int index = 0; index < plural.count(); index++) {
            Event unit = index < units.size() ? units.get(index) : copy(units.get(units.size() - 1), index);
            formOfUnit.put(unit.getTextUnit().getId(), index);
            adjusted.add(unit);
        }
        adjusted.add(events.get(events.size() - 1));
        return adjusted;
    }

    /** A copy of the group's last form, written as {@code msgstr[index]}, without a translation. */
    private Event copy(Event last, int index) {
        ITextUnit original = last.getTextUnit();
        ITextUnit form = original.clone();
        form.setId(original.getId() + "." + index);
        form.removeTarget(target);
        GenericSkeletonPart first = ((GenericSkeleton) form.getSkeleton()).getFirstPart();
        first.setData(first.toString().replaceFirst("msgstr\\[\\d+\\]", "msgstr[" + index + "]"));
        return new Event(EventType.TEXT_UNIT, form);
    }

    /** Sets the header's Language and Plural-Forms for the target and takes its fuzzy flag away. */
    private void header(DocumentPart header, GenericSkeleton skeleton) {
        String language = ULocale.forLanguageTag(target.toBCP47()).toString();
        joinTextParts(skeleton);
        boolean hasLanguage = false;
        for (GenericSkeletonPart part : skeleton.getParts()) {
            String data = part.toString();
            String changed = unfuzzy(data);
            Matcher matcher = LANGUAGE.matcher(changed);
            if (matcher.find()) {
                hasLanguage = true;
                changed = matcher.replaceFirst(Matcher.quoteReplacement("\"Language: " + language + "\\n\""));
            }
            if (!changed.equals(data)) {
                part.setData(changed);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!hasLanguage) {
            missing.add("Language: " + language);
        }
        if (forms.isPresent()) {
            if (header.hasProperty(POFilter.PROPERTY_PLURALFORMS)) {
                header.setProperty(new Property(POFilter.PROPERTY_PLURALFORMS, forms.get().header(), false));
            } else {
                missing.add("Plural-Forms: " + forms.get().header());
            }
        }
        if (!missing.isEmpty()) {
            insertAfterHeaderStart(skeleton, missing);
        }
    }

    /** The data with {@code fuzzy} taken out of its flag lines, a line left without flags removed. */
    private static String unfuzzy(String data) {
        Matcher matcher = FLAGS.matcher(data);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            List<String> flags = Arrays.stream(matcher.group(1).split(",")).map(String::strip)
                    .filter(flag -> !flag.isEmpty()).toList();
            List<String> kept = flags.stream().filter(flag -> !flag.equals("fuzzy")).toList();
            String lineBreak = matcher.group(2) == null ? "" : matcher.group(2);
            String line = kept.size() == flags.size() ? matcher.group()
                    : kept.isEmpty() ? "" : "#, " + String.join(", ", kept) + lineBreak;
            matcher.appendReplacement(out, Matcher.quoteReplacement(line));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Joins neighbouring text parts of the skeleton: Okapi splits the header's {@code #, fuzzy} line around the
     * placeholder it first made of the flag, so a line is only whole once they are joined.
     */
    private static void joinTextParts(GenericSkeleton skeleton) {
        List<GenericSkeletonPart> parts = skeleton.getParts();
        for (int i = parts.size() - 1; i > 0; i--) {
            if (isText(parts.get(i)) && isText(parts.get(i - 1))) {
                parts.get(i - 1).append(parts.get(i).toString());
                parts.remove(i);
            }
        }
    }

    private static boolean isText(GenericSkeletonPart part) {
        return !SkeletonUtil.isRef(part) && !SkeletonUtil.isTuRef(part) && !SkeletonUtil.isPropRef(part);
    }

    /** Adds header fields as the first lines of the header's msgstr. */
    private static void insertAfterHeaderStart(GenericSkeleton skeleton, List<String> fields) {
        for (GenericSkeletonPart part : skeleton.getParts()) {
            String data = part.toString();
            int start = data.indexOf(HEADER_START);
            if (start >= 0) {
                int lineEnd = data.indexOf('\n', start);
                String lineBreak = lineEnd > 0 && data.charAt(lineEnd - 1) == '\r' ? "\r\n" : "\n";
                StringBuilder lines = new StringBuilder();
                fields.forEach(field -> lines.append('"').append(field).append("\\n\"").append(lineBreak));
                part.setData(data.substring(0, lineEnd + 1) + lines + data.substring(lineEnd + 1));
                return;
            }
        }
    }
}
