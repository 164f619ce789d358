package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The explanation page quotes the source of every policy a rule can carry. */
class PolicyCatalogTests {

    @Test
    void everyPolicyHasItsSourceQuotedAndEveryQuoteBelongsToAPolicy() {
        assertThat(PolicyCatalog.all().keySet()).allSatisfy(id -> assertThat(PolicyCatalog.quote(id)).as(id).isNotBlank());
        assertThat(PolicyCatalog.all().keySet()).containsAll(PolicyCatalog.quotes().keySet());
        assertThat(PolicyCatalog.quote("G1")).contains("60％", "40％");
        assertThat(PolicyCatalog.quote("nope")).isEmpty();
    }
}
