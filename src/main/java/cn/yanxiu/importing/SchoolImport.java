package cn.yanxiu.importing;

import cn.yanxiu.teacher.SchoolKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 学校名单: schools with their county (区县). */
final class SchoolImport extends TableImport {

    static final Column ID = Column.required("学校编号", "school_id", "school id");
    static final Column NAME = Column.required("学校名称", "school_name", "school name");
    static final Column KIND = Column.required("学校类型", "kind", "school_kind");
    static final Column DISTRICT_ID = Column.required("区县编号", "district_id");
    static final Column DISTRICT_NAME = Column.required("区县名称", "district_name", "district");
    static final List<Column> COLUMNS = columns(ID, NAME, KIND, DISTRICT_ID, DISTRICT_NAME);

    private final UpsertRows schools;
    private final UpsertRows districts;
    private final Map<String, String> districtNames = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    SchoolImport(Context context) {
        super(context);
        schools = new UpsertRows(jdbc, "school", List.of("id", "name", "district_id", "kind"));
        districts = new UpsertRows(jdbc, "district", List.of("id", "name"));
    }

    @Override
    void accept(RowValues row) {
        String id = row.text(ID, 32);
        String name = row.text(NAME, 100);
        SchoolKind kind = row.parsed(KIND, SchoolKind::parse, "学校类型（小学/初中/高中/九年一贯制）");
        String districtId = row.text(DISTRICT_ID, 32);
        String districtName = row.text(DISTRICT_NAME, 100);
        if (id != null && !seen.add(id)) {
            row.reject(ID, "学校编号“" + id + "”在本文件中重复");
        }
        String named = districtId == null ? null : districtNames.get(districtId);
        if (named != null && districtName != null && !named.equals(districtName)) {
            row.reject(DISTRICT_NAME, "区县编号“" + districtId + "”在本文件前面名为“" + named + "”，此处为“" + districtName + "”");
        }
        if (!row.ok()) {
            return;
        }
        if (named == null) {
            // a district is written before any batch of schools that names it (schools go in 1,000 at a time)
            districtNames.put(districtId, districtName);
            districts.add(districtId, districtName);
            districts.flush();
        }
        schools.add(id, name, districtId, kind.name());
    }

    @Override
    String finish() {
        schools.flush();
        return counts("区县", districts.inserted(), districts.updated()) + "；" + counts("学校", schools.inserted(), schools.updated());
    }
}
