package dev.dragoman.provider;

/** How one provider instance translates: over HTTP in a {@link WireFormat}, or in process. */
public sealed interface Engine permits WireFormat, LocalTranslator {
}
