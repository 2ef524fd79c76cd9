package vn.doan.support.mongo;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.UnitLevel;

/** A unit as a service's replica stores it: its level, and the levels its plans ask to report. */
@Document("unit_level_test_units")
record LevelledUnit(@Id String id, String name, UnitLevel level, List<UnitLevel> reportingLevels) {
}
