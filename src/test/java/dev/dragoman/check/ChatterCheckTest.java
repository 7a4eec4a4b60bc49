package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatterCheckTest {

    private static final String SOURCE = "Hello world, how are you?";

    private final ChatterCheck check = new ChatterCheck();

    @Test
    void is_named_chatter() {
        assertThat(check.name()).isEqualTo("chatter");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'Sure, here is the translation:\n\nHallo Welt, wie geht es dir?'   | Sure, here is the translation:",
            "'Sure!\nHallo Welt, wie geht es dir?'                              | Sure!",
            "'Certainly! Here is the German version: Hallo Welt'                | Certainly! Here is the German…",
            "'Here''s the German translation: Hallo Welt, wie geht es dir?'     | Here's the German translation…",
            "'**Translation:** Hallo Welt, wie geht es dir?'                    | **Translation:** Hallo Welt,…",
            "'\"Translation: Hallo Welt, wie geht es dir?\"'                    | \"Translation: Hallo Welt, wie…",
            "'As an AI language model, I translate: Hallo Welt'                 | As an AI language model, I tr…",
            "'I''m sorry, but I can''t help with that.'                         | I'm sorry, but I can't help w…",
            "'I cannot translate this text.'                                    | I cannot translate this text.",
            "'Note: the text is informal. Hallo Welt, wie geht es dir?'         | Note: the text is informal. H…",
            "'以下是翻译：你好世界，你好吗？'                                      | 以下是翻译：你好世界，你好吗？",
            "'翻译：你好世界，你好吗？'                                            | 翻译：你好世界，你好吗？",
            "'好的，以下是翻译：你好世界'                                          | 好的，以下是翻译：你好世界",
            "'Hallo Welt, wie geht es dir?\n\nNote: I used the informal du.'    | Note: I used the informal du.",
            "'Hallo Welt, wie geht es dir?\n\n(Note: \"du\" is informal here)'  | (Note: \"du\" is informal here)"})
    void rejects_a_reply_that_talks(String reply, String quote) {
        assertThat(check.problem(SOURCE, reply, "en", "de"))
                .contains("the reply talks instead of translating (\"" + quote + "\")");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bien sûr, il est venu.                    | Sure, he came.",
            "Certainement, c'est vrai.                 | Certainly, that is true.",
            "Impossible d'ouvrir le fichier.           | I can't open the file.",
            "Je suis désolé pour le retard.            | I'm sorry for the delay.",
            "Hinweis: Neustart erforderlich            | Note: restart required",
            "Remarque : le fichier est grand           | Note: the file is large",
            "Sure, here is the file you wanted.        | Sicher, hier ist die gewünschte Datei.",
            "'Note: restart.\n\nNote: really.'         | 'Hinweis: Neustart.\n\nHinweis: wirklich.'",
            "'Read this.\n\nNote: it matters.'         | 'Lies das.\n\nNote: es ist wichtig.'",
            "Here is my answer                         | Hier ist meine Antwort",
            "Bien sûr ! Il est venu.                   | Certainly! He came."})
    void passes_a_translation_that_starts_or_ends_like_its_source(String source, String translation) {
        assertThat(check.problem(source, translation, "fr", "en")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hallo Welt, wie geht es dir?", "Surely you know him.", "Notes are due on Monday.",
            "Heres a thing"})
    void passes_a_plain_translation(String translation) {
        assertThat(check.problem(SOURCE, translation, "en", "de")).isEmpty();
    }
}
