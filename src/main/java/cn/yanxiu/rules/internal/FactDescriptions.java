package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.BandGrade;
import cn.yanxiu.rules.vocabulary.CareerStage;
import cn.yanxiu.rules.vocabulary.ComponentScore;
import cn.yanxiu.rules.vocabulary.CreditProposal;
import cn.yanxiu.rules.vocabulary.CreditRate;
import cn.yanxiu.rules.vocabulary.EarlierHours;
import cn.yanxiu.rules.vocabulary.Eligibility;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.Finding;
import cn.yanxiu.rules.vocabulary.GradeBand;
import cn.yanxiu.rules.vocabulary.GradeCap;
import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.Outcome;
import cn.yanxiu.rules.vocabulary.PolicyParameter;
import cn.yanxiu.rules.vocabulary.RequirementEffect;
import cn.yanxiu.rules.vocabulary.RoleQuota;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Score;
import cn.yanxiu.rules.vocabulary.ScoreLine;
import cn.yanxiu.rules.vocabulary.ScoringItem;
import cn.yanxiu.rules.vocabulary.Teacher;
import cn.yanxiu.rules.vocabulary.Term;
import cn.yanxiu.rules.vocabulary.Veto;
import cn.yanxiu.rules.vocabulary.Weight;
import cn.yanxiu.system.PlainNumbers;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** A short Chinese description of a fact, for the engine trace an auditor reads. */
final class FactDescriptions {

    private FactDescriptions() {
    }

    static String describe(Object fact) {
        if (fact == null) {
            return "（无）";
        }
        if (fact instanceof Teacher t) {
            return "教师 " + t.getId() + " " + t.getName() + "（" + String.join("、", t.getRoles()) + "，" + t.getAge() + "岁，教龄"
                    + t.getTeachingYears() + "，在岗" + t.getDutyWeeks() + "周）";
        }
        if (fact instanceof Term t) {
            return "学期 " + t.getId() + "（" + t.getTeachingWeeks() + "周）";
        }
        if (fact instanceof Activity a) {
            return "活动 " + a.getType() + " " + a.getDate() + " 学时" + a.getHours() + " 数量" + a.getQuantity();
        }
        if (fact instanceof Score s) {
            return "评分 " + s.getKind() + " " + s.getValue();
        }
        if (fact instanceof EthicsRecord e) {
            return "师德记录 " + (e.isStandardMet() ? "达标" : "不达标：" + e.getDescription()) + " " + e.getDate();
        }
        if (fact instanceof Finding f) {
            return "结论 " + f.getPolicy() + " " + f.getStatus() + "：" + f.getMessage();
        }
        if (fact instanceof ComponentScore c) {
            return c.getName() + " = " + c.getValue();
        }
        if (fact instanceof BandGrade b) {
            return "分数段等级 " + b.getLabel();
        }
        if (fact instanceof GradeCap c) {
            return "等级上限 " + c.getLabel() + "（" + c.getPolicy() + "）";
        }
        if (fact instanceof Outcome o) {
            return "等级 " + o.getLabel();
        }
        if (fact instanceof Veto v) {
            return "一票否决：" + v.getReason();
        }
        if (fact instanceof RoleQuota q) {
            return "观课指标 " + q.getRole() + " 每周" + PlainNumbers.of(q.getLessonsPerWeek()) + "节";
        }
        if (fact instanceof GradeBand b) {
            // the top band includes the top of the scale: "[90, 100]"; the others end before their max: "[60, 90)"
            return "分数段 " + b.getLabel() + " [" + PlainNumbers.of(b.getMin()) + ", " + PlainNumbers.of(b.getMax())
                    + (b.getMax() >= GradeBand.FULL_SCORE ? "]" : ")");
        }
        if (fact instanceof PolicyParameter p) {
            return "参数 " + p.getName() + " = " + p.getText() + (p.getUnit() == null ? "" : " " + p.getUnit());
        }
        if (fact instanceof Weight w) {
            return "权重 " + w.getGroup() + "/" + w.getComponent() + " " + PlainNumbers.of(w.getPercent()) + "%";
        }
        if (fact instanceof ScoringItem s) {
            return "量化项目 " + s.getItem() + " " + PlainNumbers.of(s.getPoints()) + "分（依据 " + s.getBasis() + "）";
        }
        if (fact instanceof CareerStage c) {
            return "发展阶段 " + c.getStage() + " " + c.getActivityType() + "≥" + c.getCount();
        }
        if (fact instanceof CreditRate r) {
            return "学分换算 " + PlainNumbers.of(r.getHoursPerCredit()) + "学时/学分";
        }
        if (fact instanceof RequirementEffect e) {
            return "后果 " + e.getPolicy() + " 未达标时" + e.getEffect();
        }
        if (fact instanceof GroupRecord g) {
            return "教研组 " + g.getGroupId() + " 教研活动" + g.getResearchActivities() + "次";
        }
        if (fact instanceof SchoolRecord s) {
            return "学校 " + s.getSchoolId() + " 全校培训" + s.getSchoolTrainings() + "次";
        }
        if (fact instanceof ScoreLine l) {
            return "得分 " + l.getSection() + "/" + l.getItem() + " " + PlainNumbers.of(l.getValue()) + " → " + PlainNumbers.of(l.getContribution());
        }
        if (fact instanceof Eligibility e) {
            return "资格 " + e.getWhat() + " " + (e.isEligible() ? "可" : "否") + "（" + e.getPolicy() + "）";
        }
        if (fact instanceof CreditProposal c) {
            return "认定学时 " + PlainNumbers.of(c.getHoursRecognised()) + "，学分 " + PlainNumbers.of(c.getCredits());
        }
        if (fact instanceof EarlierHours h) {
            return "往期学时 " + h.getPeriod() + " " + PlainNumbers.of(h.getHours()) + "（集中培训 " + PlainNumbers.of(h.getCentralisedTraining()) + "）";
        }
        if (fact instanceof Number n) {
            return "合计 " + n;
        }
        if (fact instanceof Object[] values) {
            // an accumulate of several functions matches their results together, in the order the rule names them
            return "合计 " + Arrays.stream(values).map(v -> v instanceof Number ? v.toString() : describe(v))
                    .collect(Collectors.joining("、"));
        }
        if (fact instanceof Collection<?> items) {
            // collectList / collectSet: the facts themselves are in the rule's other matches
            return "集合 " + items.size() + " 项";
        }
        return fact.getClass().getSimpleName();
    }
}
