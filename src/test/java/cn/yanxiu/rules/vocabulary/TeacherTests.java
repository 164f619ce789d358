package cn.yanxiu.rules.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeacherTests {

    private static Teacher withRoles(List<String> roles) {
        return new Teacher("T1", "张老师", "S", "G", new LinkedHashSet<>(roles), 40, 10, "", 19, 1.0);
    }

    @Test
    void rolesReadInOneOrderWhateverOrderTheyCameIn() {
        List<String> roles = List.of("教师", "教导主任", "班主任", "校长");
        assertThat(String.join("、", withRoles(roles).getRoles()))
                .isEqualTo(String.join("、", withRoles(List.of(roles.get(3), roles.get(1), roles.get(0), roles.get(2))).getRoles()));
    }

    @Test
    void rulesCannotChangeATeachersRoles() {
        assertThatThrownBy(() -> withRoles(List.of("教师")).getRoles().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
