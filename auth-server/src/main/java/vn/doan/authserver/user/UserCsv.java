package vn.doan.authserver.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.doan.authserver.orgunit.OrgUnit;
import vn.doan.authserver.orgunit.OrgUnits;

/**
 * A CSV file of users, {@code unit_code,name,email,role[,username,department]} (UTF-8, comma-separated, fields may be
 * quoted), read into users and checked row by row. Without a username column the username is the email's local part.
 */
final class UserCsv {

    static final List<String> REQUIRED = List.of("unit_code", "name", "email", "role");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("username", "username", "displayName", "name", "email", "email",
            "roles", "role", "unitId", "unit_code", "department", "department");

    /** The users of the file, each with its row, or every problem found in it. */
    record Read(List<NewUser> users, List<Problem> problems) {
    }

    private UserCsv() {
    }

    static Read read(String text, OrgUnits units, UserRules rules) {
        List<List<String>> lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (lines.isEmpty()) {
            return new Read(List.of(), List.of(new Problem(0, "header", "The file is empty.", "Tệp trống.")));
        }
        List<String> header = lines.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<Problem> problems = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                problems.add(new Problem(0, column, "Missing column " + column + " in the header.", "Thiếu cột " + column + " ở dòng tiêu đề."));
            }
        }
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        List<NewUser> users = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        for (int row = 1; row < lines.size(); row++) {
            Map<String, String> values = new HashMap<>();
            for (int column = 0; column < header.size() && column < lines.get(row).size(); column++) {
                values.put(header.get(column), lines.get(row).get(column).trim());
            }
            String email = values.getOrDefault("email", "");
            String username = UserRules.blank(values.get("username")) ? email.split("@")[0].toLowerCase(Locale.ROOT) : values.get("username");
            String unitId = units.byCode(values.get("unit_code")).map(OrgUnit::id).orElse(null);
            NewUser user = new NewUser(username, values.get("name"), email, List.of(values.getOrDefault("role", "").toUpperCase(Locale.ROOT)),
                    unitId, UserRules.blank(values.get("department")) ? null : values.get("department"));
            int at = row;
            boolean unknownCode = unitId == null && !UserRules.blank(values.get("unit_code"));
            if (unknownCode) {
                problems.add(new Problem(row, "unit_code", "No unit has the code " + values.get("unit_code") + ".",
                        "Không có đơn vị nào mang mã " + values.get("unit_code") + "."));
            }
            rules.check(user).stream().filter(p -> !(unknownCode && p.field().equals("unitId")))
                    .forEach(p -> problems.add(new Problem(at, COLUMN_OF_FIELD.getOrDefault(p.field(), p.field()), p.detail(), p.detail_vi())));
            if (!usernames.add(username)) {
                problems.add(new Problem(row, "username", "The username " + username + " appears twice in the file.",
                        "Tên đăng nhập " + username + " xuất hiện hai lần trong tệp."));
            }
            users.add(user);
        }
        return new Read(users, problems);
    }

    /** Non-blank lines split into fields; a quoted field may hold commas and doubled quotes. */
    static List<List<String>> lines(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }
}
