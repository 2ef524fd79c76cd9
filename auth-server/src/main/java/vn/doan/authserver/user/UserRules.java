package vn.doan.authserver.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.doan.authserver.orgunit.OrgUnits;
import vn.doan.support.security.Caller;

/** What a new user must satisfy: a plain username, a valid email, known roles, a unit that exists, a department for staff. */
@Component
class UserRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Set<String> ROLES = Set.of(Caller.ADMIN, Caller.CADRE, Caller.DEPARTMENT_STAFF, Caller.ANALYST);
    private final OrgUnits units;

    UserRules(OrgUnits units) {
        this.units = units;
    }

    List<Problem> check(NewUser user) {
        List<Problem> problems = new ArrayList<>();
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            problems.add(Problem.of("username", "The username must be 3 to 64 of a-z, 0-9, '.', '_' or '-'.",
                    "Tên đăng nhập gồm 3 đến 64 ký tự a-z, 0-9, '.', '_' hoặc '-'."));
        }
        if (blank(user.displayName())) {
            problems.add(Problem.of("displayName", "The person's name is required.", "Cần nhập họ và tên."));
        }
        if (user.email() == null || user.email().length() > 254 || !EMAIL.matcher(user.email()).matches()) {
            problems.add(Problem.of("email", "A valid email address is required: the activation link is sent there.",
                    "Cần một địa chỉ email hợp lệ: đường dẫn kích hoạt tài khoản được gửi tới địa chỉ này."));
        }
        if (user.roles() == null || user.roles().isEmpty() || !ROLES.containsAll(user.roles())) {
            problems.add(Problem.of("roles", "Roles must be among ADMIN, CADRE, DEPARTMENT_STAFF, ANALYST.",
                    "Vai trò phải là một trong ADMIN, CADRE, DEPARTMENT_STAFF, ANALYST."));
        } else if (user.roles().contains(Caller.DEPARTMENT_STAFF) && blank(user.department())) {
            problems.add(Problem.of("department", "Department staff need their department (e.g. BTG).",
                    "Cán bộ ban cần ghi rõ ban (ví dụ BTG)."));
        }
        boolean needsUnit = user.roles() != null && (user.roles().contains(Caller.CADRE) || user.roles().contains(Caller.DEPARTMENT_STAFF));
        if (!blank(user.unitId()) || needsUnit) {
            if (blank(user.unitId()) || units.unit(user.unitId()).filter(u -> u.active()).isEmpty()) {
                problems.add(Problem.of("unitId", "The unit does not exist (or was dissolved).", "Đơn vị không tồn tại hoặc đã giải thể."));
            }
        }
        return problems;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
