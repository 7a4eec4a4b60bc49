package dev.dragoman.translate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Language names and BCP 47 tags, as {@link Languages} maps them through ICU. */
class LanguagesTest {

    @Test
    void an_english_name_has_a_tag() {
        assertThat(Languages.tag("German")).contains("de");
        assertThat(Languages.tag("english")).contains("en");
        assertThat(Languages.tag("Brazilian Portuguese")).contains("pt-BR");
        assertThat(Languages.tag("Chinese (Traditional)")).contains("zh-Hant");
        assertThat(Languages.tag("Traditional Chinese")).contains("zh-Hant");
    }

    @Test
    void a_tag_is_its_own_tag_in_canonical_form() {
        assertThat(Languages.tag("de")).contains("de");
        assertThat(Languages.tag("DE-de")).contains("de-DE");
        assertThat(Languages.tag("iw")).contains("he");
    }

    @Test
    void what_is_no_language_has_no_tag() {
        assertThat(Languages.tag("auto")).isEmpty();
        assertThat(Languages.tag("Deutsch")).isEmpty();
        assertThat(Languages.tag("und")).isEmpty();
        assertThat(Languages.tag(" ")).isEmpty();
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
