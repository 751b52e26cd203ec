package org.mcsgov.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mcsgov.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing by source address (A11-3). Keyed by the address, never by the user id typed: a throttle
 * per named account would let anyone keep a chosen person out by failing in their name; throttling the address
 * that fails keeps the guesser out and the person in. After {@code max-failures} failures within {@code window}
 * the address is refused (429) for {@code delay}, doubled by every further failure up to {@code max-delay}.
 * In memory, per node: a restart forgets, which only gives a guesser a fresh start of a few attempts.
 */
@Component
public class LoginThrottle {

    /** Request attribute set by our own password checks when they refuse (their answer is not always 401). */
    public static final String FAILED = "mcs.login.failed";
    private static final int REMEMBERED_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration delay;
    private final Duration maxDelay;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleProperties settings) {
        this.maxFailures = settings.maxFailures();
        this.window = settings.window();
        this.delay = settings.delay();
        this.maxDelay = settings.maxDelay();
    }

    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant blockedUntil = Instant.MIN;
    }

    /** How long the address must still wait, if it is throttled now. */
    public Optional<Duration> wait(String address) {
        Failures failures = byAddress.get(address);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            Instant now = EngineClock.now();
            return failures.blockedUntil.isAfter(now) ? Optional.of(Duration.between(now, failures.blockedUntil))
                    : Optional.empty();
        }
    }

    /** A password check from the address failed. */
    public void failed(String address) {
        Instant now = EngineClock.now();
        if (byAddress.size() > REMEMBERED_ADDRESSES) {
            byAddress.values().removeIf(f -> stale(f, now));
        }
        Failures failures = byAddress.computeIfAbsent(address, a -> new Failures());
        synchronized (failures) {
            while (!failures.times.isEmpty() && failures.times.peekFirst().isBefore(now.minus(window))) {
                failures.times.removeFirst();
            }
            failures.times.addLast(now);
            int beyond = failures.times.size() - maxFailures;
            if (beyond >= 0) {
                Duration wait = delay.multipliedBy(1L << Math.min(beyond, 20));
                failures.blockedUntil = now.plus(wait.compareTo(maxDelay) > 0 ? maxDelay : wait);
            }
        }
    }

    private boolean stale(Failures failures, Instant now) {
        synchronized (failures) {
            return failures.blockedUntil.isBefore(now) && (failures.times.isEmpty()
                    || failures.times.peekLast().isBefore(now.minus(window)));
        }
    }
}
