package dev.dragoman.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Language names and BCP 47 tags, as {@link Languages} maps them through ICU. */
class LanguageMatchingTest {

    @Test
    void an_english_name_has_a_tag() {
        assertThat(Languages.tagOf("German")).contains("de");
        assertThat(Languages.tagOf("english")).contains("en");
        assertThat(Languages.tagOf("Brazilian Portuguese")).contains("pt-BR");
        assertThat(Languages.tagOf("Chinese (Traditional)")).contains("zh-Hant");
        assertThat(Languages.tagOf("Traditional Chinese")).contains("zh-Hant");
    }

    @Test
    void a_tag_is_its_own_tag_in_canonical_form() {
        assertThat(Languages.tagOf("de")).contains("de");
        assertThat(Languages.tagOf("DE-de")).contains("de-DE");
        assertThat(Languages.tagOf("iw")).contains("he");
    }

    @Test
    void what_is_no_language_has_no_tag() {
        assertThat(Languages.tagOf("auto")).isEmpty();
        assertThat(Languages.tagOf("Deutsch")).isEmpty();
        assertThat(Languages.tagOf("und")).isEmpty();
        assertThat(Languages.tagOf(" ")).isEmpty();
    }

    @Test
    void the_same_language_is_the_same_language_and_script_whatever_the_region() {
        assertThat(Languages.same("German", "de")).isTrue();
        assertThat(Languages.same("de-AT", "de-DE")).isTrue();
        assertThat(Languages.same("zh-TW", "Traditional Chinese")).isTrue();
        assertThat(Languages.same("zh-TW", "zh-CN")).isFalse();
        assertThat(Languages.same("German", "French")).isFalse();
        assertThat(Languages.same("Deutsch", "deutsch")).as("no language: compared as given").isTrue();
    }
}
