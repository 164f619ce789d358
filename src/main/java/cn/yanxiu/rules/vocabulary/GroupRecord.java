package cn.yanxiu.rules.vocabulary;

/**
 * 教研组记录: what the teacher's teaching-research group held this term, counted from its members' logs
 * (distinct dates): research activities (教研活动) and group theory study sessions (集中学习), and the
 * number of calendar months the term spans.
 */
public final class GroupRecord {
    private final String groupId;
    private final int researchActivities;
    private final int theoryStudySessions;
    private final int monthsWithTheoryStudy;
    private final int termMonths;

    public GroupRecord(String groupId, int researchActivities, int theoryStudySessions, int monthsWithTheoryStudy, int termMonths) {
        this.groupId = groupId;
        this.researchActivities = researchActivities;
        this.theoryStudySessions = theoryStudySessions;
        this.monthsWithTheoryStudy = monthsWithTheoryStudy;
        this.termMonths = termMonths;
    }

    public String getGroupId() { return groupId; }
    public int getResearchActivities() { return researchActivities; }
    public int getTheoryStudySessions() { return theoryStudySessions; }
    public int getMonthsWithTheoryStudy() { return monthsWithTheoryStudy; }
    public int getTermMonths() { return termMonths; }
}
