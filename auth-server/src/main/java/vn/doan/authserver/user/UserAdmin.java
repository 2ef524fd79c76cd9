package vn.doan.authserver.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.doan.authserver.UnitDirectory;
import vn.doan.authserver.activation.Activations;
import vn.doan.authserver.orgunit.OrgUnit;
import vn.doan.authserver.orgunit.OrgUnits;
import vn.doan.support.security.Access;
import vn.doan.support.security.Caller;
import vn.doan.support.web.ApiProblem;

/** Creating, listing, disabling, enabling and resetting logins, one at a time or a whole CSV file at once. */
@Service
public class UserAdmin {

    private final UserStore store;
    private final UserRules rules;
    private final UserAccess access;
    private final OrgUnits units;
    private final UnitDirectory directory;
    private final Activations activations;
    private final PasswordEncoder encoder;
    private final Clock clock;

    UserAdmin(UserStore store, UserRules rules, UserAccess access, OrgUnits units, UnitDirectory directory, Activations activations,
            PasswordEncoder encoder, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.access = access;
        this.units = units;
        this.directory = directory;
        this.activations = activations;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** The users of the unit and every unit below it. */
    List<UserView> list(Caller caller, String unitId) {
        Access.require(access.mayList(caller, unitId), "unitId");
        Map<String, OrgUnit> subtree = units.subtree(unitId).stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        Map<String, OrgUnit> byCode = subtree.values().stream().filter(u -> u.code() != null)
                .collect(Collectors.toMap(OrgUnit::code, Function.identity(), (a, b) -> a.active() ? a : b));
        return store.ofUnits(subtree.keySet(), byCode.keySet()).stream()
                .map(u -> view(u, Optional.ofNullable(u.unitId() != null ? subtree.get(u.unitId()) : byCode.get(u.unitCode()))))
                .toList();
    }

    UserView create(Caller caller, NewUser user) {
        List<Problem> problems = rules.check(user);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Access.require(access.mayManage(caller, user.unitId(), user.roles()), "unitId");
        StoredUser stored = stored(user);
        try {
            store.insert(stored);
        } catch (DuplicateKeyException taken) {
            throw ApiProblem.conflict("user.exists", "username", "The username " + user.username() + " is taken.",
                    "Tên đăng nhập " + user.username() + " đã có người dùng.");
        }
        activations.open(stored);
        return view(store.find(user.username()).orElseThrow());
    }

    /**
     * Every row is checked before anything is stored; a username already stored is left as it is and reported unchanged,
     * so the same file imported twice creates nothing new.
     */
    Map<String, List<String>> importCsv(Caller caller, String csv) {
        UserCsv.Read read = UserCsv.read(csv, units, rules);
        if (!read.problems().isEmpty()) {
            throw invalid(read.problems());
        }
        List<Integer> refused = new ArrayList<>();
        for (int row = 0; row < read.users().size(); row++) {
            NewUser user = read.users().get(row);
            if (!access.mayManage(caller, user.unitId(), user.roles())) {
                refused.add(row + 1);
            }
        }
        if (!refused.isEmpty()) {
            throw Access.forbidden("unit_code").with("rows", refused);
        }
        List<String> created = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (NewUser user : read.users()) {
            if (store.exists(user.username())) {
                unchanged.add(user.username());
                continue;
            }
            StoredUser stored = stored(user);
            try {
                store.insert(stored);
            } catch (DuplicateKeyException storedMeanwhile) {
                unchanged.add(user.username());
                continue;
            }
            activations.open(stored);
            created.add(user.username());
        }
        return Map.of("created", created, "unchanged", unchanged);
    }

    void setEnabled(Caller caller, String username, boolean enabled) {
        managed(caller, username);
        store.setEnabled(username, enabled);
    }

    /** Clears the password and mails a new activation link. */
    void reset(Caller caller, String username) {
        activations.open(managed(caller, username));
    }

    /**
     * A new temporary password (shown once to the caller, stored only encoded); the person must set their own at their
     * first sign-in, and an open activation link stops working.
     */
    String temporaryPassword(Caller caller, String username) {
        managed(caller, username);
        String password = TemporaryPasswords.generate();
        store.setTemporaryPassword(username, encoder.encode(password));
        return password;
    }

    /** The user's unit id: the stored one, or for a demo user named by unit code, the configured or learnt id. */
    public Optional<String> unitIdOf(StoredUser user) {
        if (user.unitId() != null) {
            return Optional.of(user.unitId());
        }
        return directory.idOf(user.unitCode()).or(() -> units.byCode(user.unitCode()).map(OrgUnit::id));
    }

    private StoredUser managed(Caller caller, String username) {
        StoredUser user = store.find(username).orElseThrow(() -> ApiProblem.notFound("user.not-found", "username",
                "No user " + username + ".", "Không có người dùng " + username + "."));
        Access.require(access.mayManage(caller, unitIdOf(user).orElse(null), user.roles()), "username");
        return user;
    }

    private StoredUser stored(NewUser user) {
        String code = units.unit(user.unitId()).map(OrgUnit::code).orElse(null);
        return new StoredUser(user.username(), user.displayName().trim(), user.email().trim(), List.copyOf(user.roles()), user.unitId(), code,
                UserRules.blank(user.department()) ? null : user.department().trim(), null, true, false, null, null, clock.instant());
    }

    private UserView view(StoredUser user) {
        return view(user, unitIdOf(user).flatMap(units::unit));
    }

    private static UserView view(StoredUser user, Optional<OrgUnit> unit) {
        return new UserView(user.username(), user.displayName(), user.email(), user.roles(), unit.map(OrgUnit::id).orElse(user.unitId()),
                unit.map(OrgUnit::name).orElse(null), user.department(), user.enabled(), user.mustChangePassword(), user.activationPending());
    }

    private static ApiProblem invalid(List<Problem> problems) {
        Problem first = problems.get(0);
        String where = first.row() == null ? "" : "Row " + first.row() + ", column " + first.field() + ": ";
        String whereVi = first.row() == null ? "" : "Dòng " + first.row() + ", cột " + first.field() + ": ";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "user.invalid", first.field(), where + first.detail(), whereVi + first.detail_vi())
                .with("errors", problems);
    }
}
