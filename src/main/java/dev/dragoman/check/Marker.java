package dev.dragoman.check;

/**
 * One inline code of a document as the model sees it: an Okapi Framework letter-coded marker. The id ties the two
 * halves of a pair together, so a check can tell a moved closing code from a lost one.
 */
public record Marker(Type type, int id, Span span) {

    /** The five shapes of letter-coded markers. */
    public enum Type {
        /** {@code <g1>}: the start of a paired code whose end is in the same text. */
        OPENING,
        /** {@code </g1>}. */
        CLOSING,
        /** {@code <x1/>}: a code that stands alone, a line break or an image. */
        ISOLATED,
        /** {@code <b1/>}: the opening half of a pair kept apart, because it need not nest with other codes. */
        BEGIN,
        /** {@code <e1/>}: the closing half to the {@link #BEGIN} of the same id. */
        END;

        String render(int id) {
            return switch (this) {
                case OPENING -> "<g" + id + ">";
                case CLOSING -> "</g" + id + ">";
                case ISOLATED -> "<x" + id + "/>";
                case BEGIN -> "<b" + id + "/>";
                case END -> "<e" + id + "/>";
            };
        }
    }

    /** The marker as written, which is also how reasons name it. */
    public String text() {
        return type.render(id);
    }

    /** True for the first half of a pair, whose other half must follow it. */
    public boolean opens() {
        return type == Type.OPENING || type == Type.BEGIN;
    }

    /** True for the second half of a pair. */
    public boolean closes() {
        return type == Type.CLOSING || type == Type.END;
    }

    /** The other half of a pair, for {@link #opens()} and {@link #closes()} markers. */
    public String partner() {
        return switch (type) {
            case OPENING -> Type.CLOSING.render(id);
            case CLOSING -> Type.OPENING.render(id);
            case BEGIN -> Type.END.render(id);
            case END -> Type.BEGIN.render(id);
            case ISOLATED -> throw new IllegalStateException(text() + " has no partner");
        };
    }
}
