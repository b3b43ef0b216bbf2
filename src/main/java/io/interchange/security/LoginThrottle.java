package io.interchange.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Guards every door that checks a password (admin API, Jolokia, SFTP): after too many failures a
 * user name, and separately a source address, is locked for a while that doubles with each further
 * failure up to a ceiling; and no more than a few password checks run at once, so a flood of wrong
 * logins cannot burn every core on PBKDF2 — the excess is refused at once as {@link Verdict#BUSY}.
 *
 * <p>The per-address threshold is the higher one: a user who forgot a password is locked before the
 * office behind one NAT address is. A success clears the user's count, never the address's (one
 * valid account must not reset the count of someone spraying other names from that address).
 * Failures are forgotten {@link Settings#forgetAfter} after the last one.
 *
 * <p>State is in memory and per instance: a restart forgives, and a cluster of n instances lets n
 * times the attempts through. At most {@link Settings#maxTracked} names and addresses are kept, so
 * made-up names cannot fill the heap.
 *
 * <p>Use {@link #attempt} (check, bounded password check, record); or {@link #check},
 * {@link #failed} and {@link #succeeded} where the password check happens elsewhere.
 */
public final class LoginThrottle {

    /** Thresholds and times; {@link #defaults()} are the values of {@code application.properties}. */
    public record Settings(int userFailures, int addressFailures, Duration lockout, Duration maxLockout,
            Duration forgetAfter, int concurrentChecks, int maxTracked) {

        public Settings {
            if (userFailures < 1 || addressFailures < 1 || concurrentChecks < 1 || maxTracked < 1) {
                throw new IllegalArgumentException("login throttle: thresholds, concurrent checks and "
                        + "max tracked must be at least 1");
            }
            if (lockout.isNegative() || lockout.isZero() || maxLockout.compareTo(lockout) < 0
                    || forgetAfter.isNegative()) {
                throw new IllegalArgumentException("login throttle: lockout must be positive and at most "
                        + "max-lockout; forget-after must not be negative");
            }
        }

        public static Settings defaults() {
            return new Settings(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15), 2,
                    10_000);
        }
    }

    public enum Verdict {
        /** Go on and check the password. */
        ALLOW,
        /** Too many failures for this user or address: refuse without checking the password. */
        LOCKED,
        /** Too many password checks running: refuse without checking, the caller may retry soon. */
        BUSY,
        /** ({@link #attempt} only) the password was checked and is wrong. */
        REJECTED,
        /** ({@link #attempt} only) the password was checked and is right. */
        GRANTED
    }

    /**
     * @param retryAfter when to try again (zero unless LOCKED or BUSY)
     * @param reason     for the log and the refusal's detail; never holds a password
     */
    public record Decision(Verdict verdict, Duration retryAfter, String reason) {

        static final Decision ALLOWED = new Decision(Verdict.ALLOW, Duration.ZERO, "");

        public boolean allowed() {
            return verdict == Verdict.ALLOW || verdict == Verdict.GRANTED;
        }

        /** Whole seconds for a {@code Retry-After} header: at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** How long a caller waits for a free password check before it gets BUSY. */
    private static final Duration BUSY_WAIT = Duration.ofMillis(200);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Semaphore checks;

    public LoginThrottle(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = clock;
        this.checks = new Semaphore(settings.concurrentChecks(), true);
    }

    public Settings settings() {
        return settings;
    }

    /** May {@code user} from {@code address} try a password now? Both may be null (unknown). */
    public Decision check(String user, String address) {
        Instant now = clock.instant();
        Decision byUser = locked(users, user, now, "user '" + user + "'");
        Decision byAddress = locked(addresses, address, now, "address " + address);
        if (byUser == null) {
            return byAddress == null ? Decision.ALLOWED : byAddress;
        }
        return byAddress == null || byUser.retryAfter().compareTo(byAddress.retryAfter()) >= 0 ? byUser : byAddress;
    }

    /** Counts a wrong password (or unknown user) against both the name and the address. */
    public void failed(String user, String address) {
        Instant now = clock.instant();
        count(users, user, settings.userFailures(), now);
        count(addresses, address, settings.addressFailures(), now);
    }

    /** A right password clears the user's failures; the address keeps its count. */
    public void succeeded(String user, String address) {
        if (user != null) {
            users.remove(user);
        }
    }

    /**
     * The whole login: refuses a locked user or address, runs {@code passwordMatches} with at most
     * {@link Settings#concurrentChecks} others, records the outcome.
     */
    public Decision attempt(String user, String address, BooleanSupplier passwordMatches) {
        Decision decision = check(user, address);
        if (!decision.allowed()) {
            return decision;
        }
        boolean acquired;
        try {
            acquired = checks.tryAcquire(BUSY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            return new Decision(Verdict.BUSY, BUSY_RETRY, "too many logins being checked at once");
        }
        boolean matches;
        try {
            matches = passwordMatches.getAsBoolean();
        } finally {
            checks.release();
        }
        if (matches) {
            succeeded(user, address);
            return new Decision(Verdict.GRANTED, Duration.ZERO, "");
        }
        failed(user, address);
        return new Decision(Verdict.REJECTED, Duration.ZERO, "wrong user name or password");
    }

    private Decision locked(Map<String, Failures> table, String key, Instant now, String who) {
        Failures failures = key == null ? null : table.get(key);
        if (failures == null || !now.isBefore(failures.lockedUntil())) {
            return null;
        }
        return new Decision(Verdict.LOCKED, Duration.between(now, failures.lockedUntil()),
                who + " is locked after " + failures.count() + " failed logins");
    }

    private void count(Map<String, Failures> table, String key, int threshold, Instant now) {
        if (key == null) {
            return;
        }
        if (!table.containsKey(key) && table.size() >= settings.maxTracked()) {
            forgetOld(table, now);
        }
        table.compute(key, (k, previous) -> {
            int count = previous == null || previous.forgotten(now, settings.forgetAfter()) ? 1 : previous.count() + 1;
            Instant until = count < threshold ? Instant.MIN : now.plus(lockout(count - threshold));
            return new Failures(count, now, until);
        });
    }

    /** The first lockout is {@code lockout}; each further failure doubles it, up to {@code maxLockout}. */
    private Duration lockout(int beyondThreshold) {
        Duration lockout = settings.lockout();
        for (int i = 0; i < beyondThreshold && lockout.compareTo(settings.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lockout;
    }

    /** Drops what is forgotten; if the table is still full, the entries whose last failure is oldest. */
    private void forgetOld(Map<String, Failures> table, Instant now) {
        table.values().removeIf(f -> f.forgotten(now, settings.forgetAfter()) && !now.isBefore(f.lockedUntil()));
        Iterator<Map.Entry<String, Failures>> oldest = table.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.last().compareTo(b.last())))
                .limit(Math.max(0, table.size() - settings.maxTracked() + 1L)).toList().iterator();
        while (oldest.hasNext()) {
            table.remove(oldest.next().getKey());
        }
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {

        boolean forgotten(Instant now, Duration forgetAfter) {
            return !now.isBefore(last.plus(forgetAfter)) && !now.isBefore(lockedUntil);
        }
    }
}
