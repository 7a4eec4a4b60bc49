package dev.dragoman.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * What makes two translations interchangeable: the same text, between the same languages, by the same model with the
 * same prompts and sampling settings ({@link SettingsHash}).
 */
public record MemoryKey(String sourceLang, String targetLang, String model, String settingsHash, String text) {

    public MemoryKey {
        sourceLang = sourceLang == null ? "" : sourceLang;
        targetLang = targetLang == null ? "" : targetLang;
        model = model == null ? "" : model;
    }

    /**
     * A SHA-256 over every part, each prefixed with its length so that no two keys run together into the same bytes:
     * a fixed-size row id, where the text itself may be far longer than a database index takes.
     */
    public String digest() {
        MessageDigest sha = sha256();
        Stream.of(sourceLang, targetLang, model, settingsHash, text).forEach(part -> {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A SHA-256 of one text, for a part of a key that stands for something longer (a whole prompt). */
    public static String digestOf(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
