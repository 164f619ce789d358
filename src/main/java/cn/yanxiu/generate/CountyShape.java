package cn.yanxiu.generate;

import cn.yanxiu.teacher.SchoolKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a synthetic county, scaled to any number of teachers: the sample county of the policy
 * catalog has 21 schools (1 senior high, 3 junior high, 16 primary, 1 nine-year) and 1,030 teachers.
 */
record CountyShape(int teachers, List<SchoolPlan> schools) {

    record SchoolPlan(String id, String name, SchoolKind kind, String districtId, String districtName, int teachers) {
    }

    private static final int TEACHERS_PER_COUNTY = 1030;
    private static final SchoolKind[] KINDS = kindsOfOneCounty();
    private static final int[] SIZES = {150, 90, 80, 76, 41, 40, 38, 36, 35, 34, 33, 32, 31, 30, 30, 29, 28, 27, 26, 25, 99};

    static CountyShape of(int teachers) {
        List<SchoolPlan> schools = new ArrayList<>();
        int counties = Math.max(1, (int) Math.round(teachers / (double) TEACHERS_PER_COUNTY));
        int assigned = 0;
        for (int c = 0; c < counties; c++) {
            int countyTeachers = c == counties - 1 ? teachers - assigned : teachers / counties;
            String districtId = String.format("D%04d", c + 1);
            String districtName = c == 0 ? "样本县" : "样本县" + (c + 1);
            int given = 0;
            for (int s = 0; s < KINDS.length; s++) {
                int size = s == KINDS.length - 1 ? countyTeachers - given
                        : (int) Math.round(countyTeachers * SIZES[s] / (double) TEACHERS_PER_COUNTY);
                size = Math.max(size, 0);
                given += size;
                String id = String.format("S%04d%02d", c + 1, s + 1);
                schools.add(new SchoolPlan(id, schoolName(c, s, KINDS[s]), KINDS[s], districtId, districtName, size));
            }
            assigned += countyTeachers;
        }
        return new CountyShape(teachers, schools);
    }

    private static SchoolKind[] kindsOfOneCounty() {
        SchoolKind[] kinds = new SchoolKind[21];
        kinds[0] = SchoolKind.SENIOR;
        kinds[1] = SchoolKind.JUNIOR;
        kinds[2] = SchoolKind.JUNIOR;
        kinds[3] = SchoolKind.JUNIOR;
        for (int i = 4; i < 20; i++) {
            kinds[i] = SchoolKind.PRIMARY;
        }
        kinds[20] = SchoolKind.NINE_YEAR;
        return kinds;
    }

    private static final String[] PLACES = {"城关", "茶店", "新华", "东风", "龙场", "白岩", "三塘", "马场", "青山", "石桥",
        "桂花", "红星", "金竹", "大坪", "双河", "六寨", "官寨", "猫场", "八步", "珠藏", "阿弓"};

    private static String schoolName(int county, int index, SchoolKind kind) {
        String prefix = county == 0 ? "" : "第" + (county + 1) + "片区";
        String place = PLACES[index % PLACES.length];
        return switch (kind) {
            case SENIOR -> prefix + "县第一中学";
            case JUNIOR -> prefix + place + "中学";
            case PRIMARY -> prefix + place + "小学";
            case NINE_YEAR -> prefix + place + "九年一贯制学校";
        };
    }
}
