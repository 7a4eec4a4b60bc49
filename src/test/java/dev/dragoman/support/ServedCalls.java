package dev.dragoman.support;

import java.util.List;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** What a WireMock stand-in's request log says about the load it saw: calls at once, calls a minute. */
public final class ServedCalls {

    private ServedCalls() {
    }

    /** The most calls the stand-in was answering at one time, from when each came in and how long it took. */
    public static int mostAtOnce(List<ServeEvent> calls) {
        TreeMap<Long, Integer> changes = new TreeMap<>();
        for (ServeEvent call : calls) {
            long start = call.getRequest().getLoggedDate().getTime();
            long end = start + call.getTiming().getTotalTime();
            changes.merge(start, 1, Integer::sum);
            // a call that ends as another starts is not at the same time as it
            changes.merge(end, -1, Integer::sum);
        }
        int now = 0;
        int most = 0;
        for (int change : changes.values()) {
            now += change;
            most = Math.max(most, now);
        }
        return most;
    }

    /** The most calls that came in within any 60 seconds. */
    public static int mostInAMinute(List<ServeEvent> calls) {
        List<Long> arrivals = calls.stream().map(call -> call.getRequest().getLoggedDate().getTime()).sorted()
                .toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < arrivals.size(); last++) {
            while (arrivals.get(last) - arrivals.get(first) >= 60_000) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
