package dev.dragoman.provider;

import dev.dragoman.translate.TranslationRequest;

/** An engine that translates in process: no address, no key, no network, nothing to fail over. */
public non-sealed interface LocalTranslator extends Engine {

    String translate(TranslationRequest request);
}
