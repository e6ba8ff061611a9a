package org.vigie.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.vigie.platform.Times;
import org.vigie.platform.VigieConfig;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

/** Moderator accounts, and the first admin account of a new installation. */
@ApplicationScoped
public class ModeratorService {

    private static final Logger LOG = Logger.getLogger(ModeratorService.class);
    static final String FIRST_ADMIN = "admin";

    @Inject
    VigieConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Transactional
    public ModeratorAccount create(NewModerator account) {
        // Serialise account creation so a username race ends in a clean 409, not a constraint error.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('vigie.moderator'))").getSingleResult();
        if (Moderator.findByUsername(account.username()) != null) {
            throw new ModeratorExists(account.username());
        }
        Moderator moderator = Moderator.create(account.username(), account.password(), account.role(), Times.now(clock),
                config.admin().bcryptCost());
        moderator.persist();
        return ModeratorAccount.of(moderator);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModeratorAccount> list() {
        return Moderator.<Moderator> listAll(Sort.by("username")).stream().map(ModeratorAccount::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<ModeratorAccount> find(String username) {
        return java.util.Optional.ofNullable(Moderator.findByUsername(username)).map(ModeratorAccount::of);
    }

    /**
     * On the first start of an installation there is no account: create {@code admin}, with the password
     * from VIGIE_ADMIN_PASSWORD or else a generated one, printed this once.
     */
    @Transactional
    void createFirstAdmin(@Observes StartupEvent event) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('vigie.moderator'))").getSingleResult();
        if (Moderator.count() > 0) {
            return;
        }
        String password = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        Moderator.create(FIRST_ADMIN, password, Roles.ADMIN, Times.now(clock), config.admin().bcryptCost()).persist();
        if (generated) {
            LOG.warnf("Created the moderator account '%s' with the generated password: %s"
                    + " (shown once; set VIGIE_ADMIN_PASSWORD to choose it on a new installation)", FIRST_ADMIN, password);
        } else {
            LOG.infof("Created the moderator account '%s' with the password from VIGIE_ADMIN_PASSWORD", FIRST_ADMIN);
        }
    }
}
