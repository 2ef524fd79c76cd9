package vn.doan.authserver.user;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.doan.authserver.AuthProperties;

/**
 * Stores the demo users of {@code auth-server.yml} at the first start, password hashed; a user already stored is left as
 * it is (its password, its state), so what an administrator changed survives a restart.
 */
@Component
class DemoUsers implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    private final AuthProperties properties;
    private final UserStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DemoUsers(AuthProperties properties, UserStore store, PasswordEncoder encoder, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        for (AuthProperties.User demo : properties.users() == null ? List.<AuthProperties.User>of() : properties.users()) {
            if (store.exists(demo.username())) {
                continue;
            }
            try {
                store.insert(new StoredUser(demo.username(), demo.username(), null, List.copyOf(demo.roles()), null, demo.unitCode(),
                        demo.department(), encoder.encode(demo.password()), true, false, null, null, clock.instant()));
                log.info("Stored demo user {}", demo.username());
            } catch (DuplicateKeyException storedMeanwhile) {
                // another instance stored it first
            }
        }
    }
}
