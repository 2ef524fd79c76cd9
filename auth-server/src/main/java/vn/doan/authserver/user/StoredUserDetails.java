package vn.doan.authserver.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Sign-in against the stored users: a disabled user, or one who has not yet set a password, cannot sign in. */
@Service
class StoredUserDetails implements UserDetailsService {

    private final UserStore store;

    StoredUserDetails(UserStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StoredUser user = store.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        boolean hasPassword = user.password() != null;
        return User.withUsername(user.username()).password(hasPassword ? user.password() : "")
                .disabled(!user.enabled() || !hasPassword)
                .roles(user.roles().toArray(String[]::new)).build();
    }
}
