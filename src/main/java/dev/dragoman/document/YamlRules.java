package dev.dragoman.document;

import java.util.regex.Pattern;

import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;

/**
 * YAML: only string values are translated. Okapi's YAML filter extracts every scalar, also the plain ones that YAML
 * reads as booleans, nulls or numbers; translating {@code enabled: true} into {@code enabled: prawda} would turn a
 * boolean into a string. A plain scalar is left alone when the YAML 1.2 core schema resolves it to something else
 * than a string (https://yaml.org/spec/1.2.2/#1032-tag-resolution), or YAML 1.1 did ({@code yes}, {@code off}:
 * https://yaml.org/type/bool.html), since Ruby, Python's PyYAML and SnakeYAML 1.x still read YAML 1.1. The note is the
 * key path.
 */
final class YamlRules implements FormatRules {

    /** Okapi's property with the scalar's style: PLAIN, SINGLE, DOUBLE, LITERAL or FOLDED. */
    private static final String SCALAR_TYPE = "Scalar Type";

    private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
            "~|null|Null|NULL",
            "true|True|TRUE|false|False|FALSE",
            "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF",
            "[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+",
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?",
            "[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN"));

    @Override
    public boolean wanted(ITextUnit unit) {
        Property style = unit.getProperty(SCALAR_TYPE);
        boolean plain = style == null || "PLAIN".equals(style.getValue());
        return !(plain && NOT_A_STRING.matcher(unit.getSource().toString().strip()).matches());
    }

    @Override
    public String note(ITextUnit unit) {
        return new NoteText().add("key", unit.getName()).text();
    }
}
