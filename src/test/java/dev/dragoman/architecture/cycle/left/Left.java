package dev.dragoman.architecture.cycle.left;

import dev.dragoman.architecture.cycle.right.Right;

/** Half of a package cycle that {@link dev.dragoman.architecture.PackageRulesTest} must report. */
public final class Left {

    Right right;
}
