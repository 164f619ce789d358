package cn.yanxiu.rules.vocabulary;

import java.util.Set;

/**
 * 教师: the teacher being evaluated. {@code age} is at the start of the term; {@code dutyWeeks} is the
 * number of teaching weeks the teacher was on duty (leave and a mid-term start taken out), and
 * {@code dutyShare} is dutyWeeks / teachingWeeks, for pro-rating per-term quotas.
 */
public final class Teacher {
    private final String id;
    private final String name;
    private final String schoolId;
    private final String groupId;
    private final Set<String> roles;
    private final int age;
    private final int teachingYears;
    private final String backboneLevel;
    private final int dutyWeeks;
    private final double dutyShare;

    public Teacher(String id, String name, String schoolId, String groupId, Set<String> roles, int age,
                   int teachingYears, String backboneLevel, int dutyWeeks, double dutyShare) {
        this.id = id;
        this.name = name;
        this.schoolId = schoolId;
        this.groupId = groupId;
        // sorted, so findings that list the roles read the same in every JVM (Set.copyOf's order changes per JVM)
        this.roles = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(roles));
        this.age = age;
        this.teachingYears = teachingYears;
        this.backboneLevel = backboneLevel == null ? "" : backboneLevel;
        this.dutyWeeks = dutyWeeks;
        this.dutyShare = dutyShare;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getSchoolId() { return schoolId; }
    public String getGroupId() { return groupId; }
    public Set<String> getRoles() { return roles; }
    public int getAge() { return age; }
    public int getTeachingYears() { return teachingYears; }
    public String getBackboneLevel() { return backboneLevel; }
    public boolean isBackbone() { return !backboneLevel.isEmpty(); }
    public int getDutyWeeks() { return dutyWeeks; }
    public double getDutyShare() { return dutyShare; }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
