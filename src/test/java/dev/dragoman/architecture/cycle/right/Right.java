package dev.dragoman.architecture.cycle.right;

import dev.dragoman.architecture.cycle.left.Left;

/** The other half of the package cycle that {@link dev.dragoman.architecture.PackageRulesTest} must report. */
public final class Right {

    Left left;
}
