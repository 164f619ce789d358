/**
 * The vocabulary of Yanxiu's rule files: the only Java a rule may see. Input facts describe a teacher's
 * term (teacher, term, activities, scores, ethics, earlier hours, group and school records); parameter
 * facts come from the rule set's decision tables (quotas, bands, weights, scoring items, stages, rates,
 * requirement effects); result facts are what rules conclude (findings, score lines, grade caps, the
 * outcome, eligibilities, credits). Every field is documented in rules/README.md.
 */
package cn.yanxiu.rules.vocabulary;
