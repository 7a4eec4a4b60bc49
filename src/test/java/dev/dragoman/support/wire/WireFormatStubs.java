package dev.dragoman.support.wire;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The stub of every dialect on the test class path, as listed in its {@code META-INF/services} file. */
public final class WireFormatStubs {

    private WireFormatStubs() {
    }

    /** Every stub, by name, so that test cases keep their order whatever the order of the service files. */
    public static List<WireFormatStub> all() {
        return ServiceLoader.load(WireFormatStub.class, WireFormatStub.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(WireFormatStub::name))
                .toList();
    }
}
