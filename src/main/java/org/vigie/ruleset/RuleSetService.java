package org.vigie.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.vigie.platform.Times;
import org.vigie.rules.InvalidRuleSet;
import org.vigie.rules.RuleSet;
import org.vigie.rules.RuleSetParser;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The rule set in force, its versions in PostgreSQL, and changes to it. Every instance checks for a
 * new version four times a second (one indexed max() query), so a change made through any instance is in
 * force everywhere well within a second. Only ever a newer version replaces the one in force.
 */
@ApplicationScoped
public class RuleSetService {

    private static final Logger LOG = Logger.getLogger(RuleSetService.class);
    static final String DEFAULT_RULES = "/rules/default-rules.yaml";
    static final String SHIPPED_BY = "vigie";

    /** The rule set in force and its version. */
    public record Current(int version, RuleSet ruleSet) {
    }

    @Inject
    EntityManager entityManager;

    static final long POLL_MILLIS = 250;

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    private final AtomicBoolean polling = new AtomicBoolean();
    private final RuleSetParser parser = new RuleSetParser();
    private volatile Current current;
    /** A stored version that no longer compiles: not tried again until a newer one is stored. */
    private volatile int broken;

    /** On the very first start, the shipped default rule set becomes version 1. */
    void onStart(@Observes StartupEvent event) {
        RuleSet installed = QuarkusTransaction.requiringNew().call(() -> {
            lockVersions();
            if (RuleSetVersion.count() > 0) {
                return null;
            }
            String document = shippedDefaults();
            RuleSet defaults = compileShipped(document);
            store(document, defaults, SHIPPED_BY, null, 1);
            LOG.infof("Installed the default rule set (%d rules) as version 1", defaults.rules().size());
            return defaults;
        });
        if (installed != null) {
            install(new Current(1, installed));
        }
        refresh();
        // Quarkus' scheduler does not go below one second: a Vert.x timer keeps the promise of "within a second".
        vertx.setPeriodic(POLL_MILLIS, timer -> {
            if (polling.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    try {
                        refresh();
                    } catch (RuntimeException e) {
                        LOG.warnf("Could not check for a new rule set version: %s", e.getMessage());
                    } finally {
                        polling.set(false);
                    }
                    return null;
                }, false);
            }
        });
    }

    /** The rule set in force. */
    public Current current() {
        Current loaded = current;
        if (loaded == null) {
            refresh();
            loaded = current;
        }
        return loaded;
    }

    /** Loads the newest version if another instance (or this one) stored it. */
    synchronized void refresh() {
        Integer newest = QuarkusTransaction.joiningExisting().call(this::newestVersion);
        Current loaded = current;
        if (newest == null || (loaded != null && loaded.version() >= newest) || newest == broken) {
            return;
        }
        List<RuleSetVersion> candidates = QuarkusTransaction.joiningExisting().call(() -> RuleSetVersion
                .<RuleSetVersion> find("version > ?1", Sort.descending("version"), loaded == null ? 0 : loaded.version())
                .list());
        for (RuleSetVersion version : candidates) {
            try {
                // Stored versions passed their tests when they were stored.
                install(new Current(version.version, parser.parseTested(version.document)));
                return;
            } catch (InvalidRuleSet e) {
                // A shipped list file may have gone since the version was stored: try the one before.
                if (version.version.equals(newest)) {
                    broken = newest;
                }
                LOG.errorf("Rule set version %d no longer compiles: %s", version.version, e.getMessage());
            }
        }
        if (current == null) {
            current = new Current(0, compileShipped(shippedDefaults()));
            LOG.error("No stored rule set compiles; the shipped defaults are in force");
        }
    }

    /** Puts a version in force, unless a newer one already is. */
    private synchronized void install(Current candidate) {
        Current loaded = current;
        if (loaded == null || candidate.version() > loaded.version()) {
            current = candidate;
            LOG.infof("Rule set version %d is in force", candidate.version());
        }
    }

    /** Checks a proposed rule set, without storing it. */
    public RuleSet compile(String document) {
        try {
            return parser.parse(document);
        } catch (InvalidRuleSet e) {
            throw new InvalidRules(e);
        }
    }

    /** Stores a rule set as the newest version and, once committed, puts it in force here at once. */
    public RuleSetInfo replace(String document, String admin) {
        return storeInForce(document, admin, null);
    }

    /** Puts an old version back in force, as a new version. */
    public RuleSetInfo restore(int version, String admin) {
        RuleSetVersion old = QuarkusTransaction.joiningExisting().call(() -> RuleSetVersion.<RuleSetVersion> findById(version));
        if (old == null) {
            throw new RuleSetVersionNotFound(version);
        }
        return storeInForce(old.document, admin, version);
    }

    private RuleSetInfo storeInForce(String document, String admin, Integer restoredFrom) {
        RuleSet ruleSet = compile(document);
        RuleSetVersion stored = QuarkusTransaction.requiringNew().call(() -> {
            lockVersions();
            Integer newest = newestVersion();
            return store(document, ruleSet, admin, restoredFrom, newest == null ? 1 : newest + 1);
        });
        install(new Current(stored.version, ruleSet));
        return RuleSetInfo.of(stored, true, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleSetInfo> versions() {
        int inForce = current().version();
        return RuleSetVersion.<RuleSetVersion> listAll(Sort.descending("version")).stream()
                .map(v -> RuleSetInfo.of(v, v.version == inForce, false))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RuleSetInfo> version(int version) {
        int inForce = current().version();
        return RuleSetVersion.<RuleSetVersion> findByIdOptional(version).map(v -> RuleSetInfo.of(v, v.version == inForce, true));
    }

    private RuleSetVersion store(String document, RuleSet ruleSet, String author, Integer restoredFrom, int number) {
        RuleSetVersion version = new RuleSetVersion();
        version.version = number;
        version.document = document;
        version.rules = ruleSet.rules().size();
        version.tests = ruleSet.testCount();
        version.createdBy = author;
        version.restoredFrom = restoredFrom;
        version.createdAt = Times.now(clock);
        version.persistAndFlush();
        return version;
    }

    private Integer newestVersion() {
        return entityManager.createQuery("SELECT max(v.version) FROM RuleSetVersion v", Integer.class).getSingleResult();
    }

    /** Serialises version numbering across instances. */
    private void lockVersions() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('vigie.rule_set'))").getSingleResult();
    }

    private RuleSet compileShipped(String document) {
        try {
            return parser.parse(document);
        } catch (InvalidRuleSet e) {
            throw new IllegalStateException("The shipped default rule set is invalid: " + e.errors(), e);
        }
    }

    static String shippedDefaults() {
        try (InputStream in = RuleSetService.class.getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RULES + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
