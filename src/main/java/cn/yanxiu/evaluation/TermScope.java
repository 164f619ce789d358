package cn.yanxiu.evaluation;

import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Term;
import java.util.Map;

/**
 * What every teacher of a term shares: the term fact, and the group and school records counted from the
 * term's logs (distinct dates of group activities, group theory study, school-wide training).
 */
public record TermScope(Term term, Map<String, GroupRecord> groups, Map<String, SchoolRecord> schools) {
}
