package dev.dragoman.document;

import java.util.List;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.IParameters;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.skeleton.GenericSkeleton;
import net.sf.okapi.common.skeleton.GenericSkeletonPart;
import net.sf.okapi.common.skeleton.SkeletonUtil;

/**
 * XLIFF 1.2 and 2.0, bilingual: a unit that already has a target keeps it and is not offered for translation; units
 * marked {@code translate="no"} are left alone by Okapi. The note is the unit's id, its resname (1.2) or name (2.0)
 * and its notes.
 *
 * <p>XLIFF 1.2 (written through Okapi's skeleton): a target Dragoman writes gets
 * {@code state="needs-review-translation"} ("the item needs to be reviewed, and the translation might need to be
 * changed": http://docs.oasis-open.org/xliff/v1.2/os/xliff-core.html#state), not {@code translated}, because a model's
 * translation has not been reviewed by anyone and a CAT tool should show it as such. A unit left untranslated gets no
 * target: Okapi's filter prepares an empty {@code <target>} in every unit without one and its writer would fill it with
 * a copy of the source, so that element is taken out of the unit's skeleton; an empty {@code <target>} of the file's
 * own (Angular writes {@code <target state="new"></target>}) stays empty. The line break after the root element comes
 * back too.
 *
 * <p>XLIFF 2 (which Okapi writes anew from its model): a translated segment gets {@code state="translated"}, XLIFF 2
 * having no state for "translated, to be reviewed" below "reviewed"
 * (http://docs.oasis-open.org/xliff/xliff-core/v2.0/os/xliff-core-v2.0-os.html#state).
 */
final class XliffRules implements FormatRules {

    /** The XLIFF 1.2 state of a machine translation nobody has reviewed yet. */
    static final String STATE = "needs-review-translation";

    /** The XLIFF 2 state of a translation not reviewed yet, the only one between "initial" and "reviewed". */
    static final String STATE_2 = "translated";

    private final LocaleId target;
    private final boolean skeleton;
    private String epilogue = "";

    /**
     * @param target   the language of the targets
     * @param skeleton whether the filter writes through a skeleton (XLIFF 1.2) rather than regenerating the file (2.0)
     */
    XliffRules(LocaleId target, boolean skeleton) {
        this.target = target;
        this.skeleton = skeleton;
    }

    /** Keeps the line break after the root element, which an XML parser does not report and Okapi's filter drops. */
    @Override
    public void tune(IParameters params, String text) {
        epilogue = text.substring(text.stripTrailing().length());
    }

    @Override
    public List<Event> adjust(Event event) {
        if (skeleton && event.isEndDocument() && !epilogue.isEmpty()) {
            GenericSkeleton ending = event.getEnding().getSkeleton() instanceof GenericSkeleton generic ? generic
                    : new GenericSkeleton();
            ending.append(epilogue);
            event.getEnding().setSkeleton(ending);
        }
        return List.of(event);
    }

    @Override
    public boolean wanted(ITextUnit unit) {
        return !FormatRules.hasTranslation(unit, target);
    }

    @Override
    public String note(ITextUnit unit) {
        return new NoteText().add("id", unit.getId()).add(skeleton ? "resname" : "name", unit.getName())
                .addNotes(unit).text();
    }

    @Override
    public void beforeWrite(ITextUnit unit, boolean translated) {
        if (translated) {
            unit.getTarget(target).setProperty(new Property(Property.STATE, skeleton ? STATE : STATE_2));
        } else if (skeleton && unit.getSkeleton() instanceof GenericSkeleton generic) {
            if (!unit.hasTarget(target)) {
                removeEmptyTarget(unit, generic.getParts());
            } else if (unit.getTarget(target).isEmpty()) {
                keepEmpty(unit, generic.getParts());
            }
        }
    }

    /** Writes the file's own empty {@code <target>} empty, where Okapi's writer would put a copy of the source. */
    private static void keepEmpty(ITextUnit unit, List<GenericSkeletonPart> parts) {
        parts.stream().filter(part -> SkeletonUtil.isTargetPlaceholder(part, unit)).forEach(part -> part.setData(""));
    }

    /** Takes {@code <target xml:lang="…">}, its content placeholder and {@code </target>} and the line break out. */
    private void removeEmptyTarget(ITextUnit unit, List<GenericSkeletonPart> parts) {
        String opening = "<target xml:lang=\"" + target + "\">";
        for (int i = 1; i < parts.size() - 1; i++) {
            if (SkeletonUtil.isTargetPlaceholder(parts.get(i), unit)) {
                String before = parts.get(i - 1).toString();
                String after = parts.get(i + 1).toString();
                if (before.endsWith(opening) && after.startsWith("</target>")) {
                    parts.get(i - 1).setData(before.substring(0, before.length() - opening.length()));
                    String rest = after.substring("</target>".length());
                    parts.get(i + 1).setData(rest.startsWith("\r\n") ? rest.substring(2)
                            : rest.startsWith("\n") ? rest.substring(1) : rest);
                    parts.remove(i);
                }
                return;
            }
        }
    }
}
