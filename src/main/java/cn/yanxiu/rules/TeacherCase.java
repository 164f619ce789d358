package cn.yanxiu.rules;

import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.EarlierHours;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Score;
import cn.yanxiu.rules.vocabulary.Teacher;
import cn.yanxiu.rules.vocabulary.Term;
import java.util.ArrayList;
import java.util.List;

/** Everything the rules see about one teacher in one term. {@code group} and {@code school} may be null. */
public record TeacherCase(Term term, Teacher teacher, List<Activity> activities, List<Score> scores,
                          List<EthicsRecord> ethics, List<EarlierHours> earlierHours, GroupRecord group, SchoolRecord school) {

    /** All facts to insert into a session, teacher first. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>(activities.size() + scores.size() + 8);
        facts.add(term);
        facts.add(teacher);
        facts.addAll(activities);
        facts.addAll(scores);
        facts.addAll(ethics);
        facts.addAll(earlierHours);
        if (group != null) {
            facts.add(group);
        }
        if (school != null) {
            facts.add(school);
        }
        return facts;
    }

    /** The same case with some activities added: how "what would raise the grade" asks the rules. */
    public TeacherCase withMoreActivities(List<Activity> more) {
        List<Activity> all = new ArrayList<>(activities);
        all.addAll(more);
        return new TeacherCase(term, teacher, all, scores, ethics, earlierHours, group, school);
    }
}
