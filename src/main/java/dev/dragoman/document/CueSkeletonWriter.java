package dev.dragoman.document;

import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.encoder.EncoderContext;
import net.sf.okapi.common.encoder.EncoderManager;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.StartDocument;
import net.sf.okapi.common.skeleton.GenericSkeleton;
import net.sf.okapi.common.skeleton.GenericSkeletonPart;
import net.sf.okapi.common.skeleton.GenericSkeletonWriter;
import net.sf.okapi.filters.vtt.VTTSkeletonPart;

/**
 * Writes a cue of {@link CueByCueVttFilter}: its timing line exactly as it was read (Okapi's own writer re-formats
 * the times, and with an SRT time format missing fails), then the cue's text, translated or not, with its own lines;
 * a cue without text stays without.
 */
final class CueSkeletonWriter extends GenericSkeletonWriter {

    private String lineBreak;

    @Override
    public String processStartDocument(LocaleId outputLocale, String outputEncoding, EncoderManager encoderManager,
            StartDocument resource) {
        lineBreak = resource.getLineBreak();
        return super.processStartDocument(outputLocale, outputEncoding, encoderManager, resource);
    }

    @Override
    public String processTextUnit(ITextUnit resource) {
        StringBuilder cue = new StringBuilder();
        for (GenericSkeletonPart part : ((GenericSkeleton) resource.getSkeleton()).getParts()) {
            VTTSkeletonPart line = (VTTSkeletonPart) part;
            if (line.isHeader()) {
                cue.append(line.getData()).append(lineBreak);
                String text = getContent(resource, outputLoc, EncoderContext.TEXT);
                if (!text.isEmpty()) {
                    cue.append(text).append(lineBreak);
                }
            } else {
                if (!line.isEmpty()) {
                    cue.append(line.getData());
                }
                cue.append(lineBreak);
            }
        }
        return cue.toString();
    }
}
