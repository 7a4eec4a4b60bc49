package dev.dragoman.document;

/**
 * The {@code plural=} expression of a gettext {@code Plural-Forms} header, evaluated for a count: the C subset gettext
 * accepts (https://www.gnu.org/software/gettext/manual/html_node/Plural-forms.html): the variable {@code n}, decimal
 * numbers, {@code ! % < <= > >= == != && || ?:} and parentheses. Dragoman evaluates it to tell the model which counts
 * each {@code msgstr[n]} is for.
 */
final class PluralExpression {

    private final String source;
    private int position;
    private long n;

    private PluralExpression(String source) {
        this.source = source;
    }

    /**
     * The form index the expression gives for {@code count}.
     *
     * @throws IllegalArgumentException when the expression is not one gettext accepts
     */
    static int evaluate(String expression, long count) {
        PluralExpression parser = new PluralExpression(expression);
        parser.n = count;
        long value = parser.conditional();
        parser.skipSpaces();
        if (parser.position != expression.length()) {
            throw parser.error();
        }
        return (int) value;
    }

    private long conditional() {
        long condition = or();
        if (!accept("?")) {
            return condition;
        }
        long whenTrue = conditional();
        expect(":");
        long whenFalse = conditional();
        return condition != 0 ? whenTrue : whenFalse;
    }

    private long or() {
        long value = and();
        while (accept("||")) {
            long right = and();
            value = value != 0 || right != 0 ? 1 : 0;
        }
        return value;
    }

    private long and() {
        long value = equality();
        while (accept("&&")) {
            long right = equality();
            value = value != 0 && right != 0 ? 1 : 0;
        }
        return value;
    }

    private long equality() {
        long value = relation();
        while (true) {
            if (accept("==")) {
                value = value == relation() ? 1 : 0;
            } else if (accept("!=")) {
                value = value != relation() ? 1 : 0;
            } else {
                return value;
            }
        }
    }

    private long relation() {
        long value = remainder();
        while (true) {
            if (accept("<=")) {
                value = value <= remainder() ? 1 : 0;
            } else if (accept(">=")) {
                value = value >= remainder() ? 1 : 0;
            } else if (accept("<")) {
                value = value < remainder() ? 1 : 0;
            } else if (accept(">")) {
                value = value > remainder() ? 1 : 0;
            } else {
                return value;
            }
        }
    }

    private long remainder() {
        long value = unary();
        while (accept("%")) {
            long divisor = unary();
            if (divisor == 0) {
                throw error();
            }
            value = value % divisor;
        }
        return value;
    }

    private long unary() {
        if (accept("!")) {
            return unary() == 0 ? 1 : 0;
        }
        if (accept("(")) {
            long value = conditional();
            expect(")");
            return value;
        }
        if (accept("n")) {
            return n;
        }
        skipSpaces();
        int start = position;
        while (position < source.length() && Character.isDigit(source.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error();
        }
        return Long.parseLong(source.substring(start, position));
    }

    private boolean accept(String token) {
        skipSpaces();
        if (!source.startsWith(token, position)) {
            return false;
        }
        // "<" and ">" must not take the first character of "<=" and ">=", "!" not that of "!="
        if (token.length() == 1 && "<>!".contains(token) && source.startsWith("=", position + 1)) {
            return false;
        }
        position += token.length();
        return true;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error();
        }
    }

    private void skipSpaces() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error() {
        return new IllegalArgumentException("not a gettext plural expression at character " + (position + 1)
                + ": " + source);
    }
}
