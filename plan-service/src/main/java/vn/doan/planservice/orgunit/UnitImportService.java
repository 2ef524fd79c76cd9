package vn.doan.planservice.orgunit;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.outbox.Outbox;

/**
 * Imports a whole tree (tens of thousands of units) in one call. Every row is checked before anything
 * is written; if one is bad, the answer lists all bad rows and nothing is stored. If storing fails
 * part-way, what this import wrote is deleted again by its import id.
 */
@Service
public class UnitImportService {

    private static final Logger log = LoggerFactory.getLogger(UnitImportService.class);
    /** Codes per query for the units a file names that are already in the tree. */
    private static final int CHUNK = 1000;

    private final OrgUnitService units;
    private final OrgUnitRepository repository;
    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final UnitLevels levels;

    UnitImportService(OrgUnitService units, OrgUnitRepository repository, MongoTemplate mongo, Outbox outbox, UnitLevels levels) {
        this.units = units;
        this.levels = levels;
        this.repository = repository;
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** One row: {@code parentCode} names a unit of the same file or one already in the tree; empty for a root. */
    public record Row(String code, String name, UnitLevel level, String kind, String parentCode, LocalDate effectiveFrom) {
    }

    public record RowError(int row, String code, String field, String rule, String detail, String detailVi) {
    }

    public record Result(String importId, int created) {
    }

    /** Thrown with every bad row when the file cannot be imported. */
    public static class InvalidImport extends RuntimeException {
        private final transient List<RowError> errors;

        InvalidImport(List<RowError> errors) {
            super(errors.size() + " rows cannot be imported");
            this.errors = errors;
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    public Result importTree(List<Row> rows) {
        Map<String, OrgUnit> existing = existingUnits(rows);
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            checkRow(i + 1, rows.get(i), existing, firstRowOfCode, errors);
        }
        Map<String, Row> byCode = rows.stream().filter(r -> r.code() != null)
                .collect(Collectors.toMap(Row::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (errors.isEmpty()) {
            java.util.Set<String> inCycles = findCycles(rows, byCode, errors);
            for (int i = 0; i < rows.size(); i++) {
                if (!inCycles.contains(rows.get(i).code())) {
                    checkParent(i + 1, rows.get(i), byCode, existing, errors);
                }
            }
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
        }
        if (!errors.isEmpty()) {
            throw new InvalidImport(errors);
        }
        return store(inTreeOrder(rows, byCode), existing);
    }

    private Map<String, OrgUnit> existingUnits(List<Row> rows) {
        List<String> codes = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.code(), r.parentCode()))
                .filter(c -> c != null && !c.isBlank()).distinct().toList();
        Map<String, OrgUnit> existing = new HashMap<>();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            repository.findByCodeIn(codes.subList(from, Math.min(codes.size(), from + CHUNK)))
                    .forEach(u -> existing.put(u.code(), u));
        }
        return existing;
    }

    private void checkRow(int n, Row row, Map<String, OrgUnit> existing, Map<String, Integer> firstRowOfCode, List<RowError> errors) {
        if (blank(row.code()) || blank(row.name()) || row.level() == null || row.effectiveFrom() == null) {
            String field = blank(row.code()) ? "code" : blank(row.name()) ? "name" : row.level() == null ? "level" : "effectiveFrom";
            errors.add(new RowError(n, row.code(), field, "import.field-missing", "Row " + n + ": " + field + " is missing.",
                    "Dòng " + n + ": thiếu " + field + "."));
            return;
        }
        if (!levels.isKnown(row.level())) {
            errors.add(new RowError(n, row.code(), "level", "import.level-unknown",
                    "Row " + n + ": unknown level " + row.level() + ".",
                    "Dòng " + n + ": cấp " + row.level() + " không có trong danh sách cấp của hệ thống: " + levels.names() + "."));
        }
        Integer first = firstRowOfCode.putIfAbsent(row.code(), n);
        if (first != null) {
            errors.add(new RowError(n, row.code(), "code", "import.code-duplicate",
                    "Row " + n + ": code " + row.code() + " already appears on row " + first + ".",
                    "Dòng " + n + ": mã " + row.code() + " trùng với dòng " + first + "."));
        } else if (existing.containsKey(row.code())) {
            errors.add(new RowError(n, row.code(), "code", "import.code-taken",
                    "Row " + n + ": code " + row.code() + " is already in the tree.",
                    "Dòng " + n + ": mã " + row.code() + " đã có trong hệ thống."));
        }
    }

    private void checkParent(int n, Row row, Map<String, Row> byCode, Map<String, OrgUnit> existing, List<RowError> errors) {
        if (blank(row.parentCode())) {
            return;
        }
        Row parentRow = byCode.get(row.parentCode());
        OrgUnit parentUnit = existing.get(row.parentCode());
        UnitLevel parentLevel = parentRow != null ? parentRow.level() : parentUnit != null ? parentUnit.level() : null;
        if (parentLevel == null) {
            errors.add(new RowError(n, row.code(), "parentCode", "import.parent-unknown",
                    "Row " + n + ": parent " + row.parentCode() + " is neither in the file nor in the tree.",
                    "Dòng " + n + ": không tìm thấy đơn vị cấp trên " + row.parentCode() + "."));
        } else if (parentUnit != null && !parentUnit.active()) {
            errors.add(new RowError(n, row.code(), "parentCode", "import.parent-dissolved",
                    "Row " + n + ": parent " + row.parentCode() + " was dissolved.",
                    "Dòng " + n + ": đơn vị cấp trên " + row.parentCode() + " đã giải thể."));
        } else if (levels.rank(row.level()) <= levels.rank(parentLevel)) {
            errors.add(new RowError(n, row.code(), "level", "import.level-not-below-parent",
                    "Row " + n + ": a " + row.level() + " unit cannot sit under a " + parentLevel + " unit.",
                    "Dòng " + n + ": cấp đơn vị (" + levels.name(row.level()) + ") phải thấp hơn cấp của đơn vị cấp trên ("
                            + levels.name(parentLevel) + ")."));
        }
    }

    /** Rows whose parent chain inside the file comes back to themselves; returns their codes. */
    private static java.util.Set<String> findCycles(List<Row> rows, Map<String, Row> byCode, List<RowError> errors) {
        Map<String, Integer> rowNumber = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowNumber.put(rows.get(i).code(), i + 1);
        }
        Map<String, Boolean> settled = new HashMap<>();
        for (Row start : rows) {
            Deque<String> chain = new ArrayDeque<>();
            String code = start.code();
            while (code != null && byCode.containsKey(code) && !settled.containsKey(code) && !chain.contains(code)) {
                chain.push(code);
                code = blank(byCode.get(code).parentCode()) ? null : byCode.get(code).parentCode();
            }
            List<String> members = new ArrayList<>(chain);
            List<String> cycle = code != null && chain.contains(code) ? members.subList(0, members.indexOf(code) + 1) : List.of();
            for (String member : members) {
                settled.put(member, cycle.contains(member));
            }
            for (String member : cycle) {
                int n = rowNumber.get(member);
                if (errors.stream().noneMatch(e -> e.row() == n)) {
                    errors.add(new RowError(n, member, "parentCode", "import.cycle",
                            "Row " + n + ": unit " + member + " is its own ancestor.",
                            "Dòng " + n + ": đơn vị " + member + " nằm trong vòng lặp cấp trên – cấp dưới."));
                }
            }
        }
        return settled.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Parents before children, so each unit's ancestor list can be computed from its parent's. */
    private static List<Row> inTreeOrder(List<Row> rows, Map<String, Row> byCode) {
        Map<String, List<Row>> children = new HashMap<>();
        List<Row> order = new ArrayList<>(rows.size());
        Deque<Row> ready = new ArrayDeque<>();
        for (Row row : rows) {
            if (blank(row.parentCode()) || !byCode.containsKey(row.parentCode())) {
                ready.add(row);
            } else {
                children.computeIfAbsent(row.parentCode(), c -> new ArrayList<>()).add(row);
            }
        }
        while (!ready.isEmpty()) {
            Row row = ready.poll();
            order.add(row);
            ready.addAll(children.getOrDefault(row.code(), List.of()));
        }
        return order;
    }

    private Result store(List<Row> ordered, Map<String, OrgUnit> existing) {
        String importId = UUID.randomUUID().toString();
        Map<String, String> idOfCode = new HashMap<>();
        Map<String, List<String>> pathOfCode = new HashMap<>();
        existing.values().forEach(u -> {
            idOfCode.put(u.code(), u.id());
            pathOfCode.put(u.code(), u.pathForChild());
        });
        Outbox.Bulk<OrgUnit> bulk = outbox.bulk(OrgUnit.class);
        for (Row row : ordered) {
            String id = UUID.randomUUID().toString();
            String parentId = blank(row.parentCode()) ? null : idOfCode.get(row.parentCode());
            List<String> ancestors = parentId == null ? List.of() : pathOfCode.get(row.parentCode());
            OrgUnit unit = units.newUnit(id, new OrgUnitService.NewUnit(row.code(), row.name(), row.level(), row.kind(), parentId,
                    row.effectiveFrom(), List.of()), ancestors, importId);
            bulk.insert(unit, List.of(units.createdEvent(unit)));
            idOfCode.put(row.code(), id);
            List<String> path = new ArrayList<>(ancestors);
            path.add(id);
            pathOfCode.put(row.code(), path);
        }
        int created;
        try {
            created = bulk.execute();
        } catch (RuntimeException e) {
            log.warn("Import {} failed part-way; removing what it wrote", importId, e);
            mongo.remove(Query.query(Criteria.where("importId").is(importId)), OrgUnit.class);
            throw e;
        }
        units.countCreated(created);
        return new Result(importId, created);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
