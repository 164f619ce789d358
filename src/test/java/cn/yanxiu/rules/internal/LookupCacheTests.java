package cn.yanxiu.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.rules.vocabulary.Teacher;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Rule builds look names up through the cache: the answers must be the application's own, misses included. */
class LookupCacheTests {

    private final ClassLoader cache = LookupCache.application();

    @Test
    void theVocabularyIsTheApplicationsOwnClass() throws Exception {
        // a rule's Teacher must be the class the batch inserts, or no rule would match a fact
        assertThat(cache.loadClass(Teacher.class.getName())).isSameAs(Teacher.class);
        assertThat(Class.forName(Teacher.class.getName(), false, cache)).isSameAs(Teacher.class);
    }

    @Test
    void anAbsentNameStaysAbsent() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.loadClass("cn.yanxiu.rules.vocabulary.NoSuchFact")).isInstanceOf(ClassNotFoundException.class);
            assertThat(cache.getResource("cn/yanxiu/rules/vocabulary/NoSuchFact.class")).isNull();
            assertThat(cache.getResourceAsStream("cn/yanxiu/rules/vocabulary/NoSuchFact.class")).isNull();
        }
    }

    @Test
    void onceTheClassPathsNamesAreReadTheAnswersAreTheSame() throws Exception {
        LookupCache.readClassPathNames();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!LookupCache.classPathNamesRead() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(LookupCache.classPathNamesRead()).isTrue();
        // names never asked before, so each answer comes through the names just read
        assertThat(cache.loadClass("cn.yanxiu.rules.vocabulary.Finding")).isSameAs(cn.yanxiu.rules.vocabulary.Finding.class);
        assertThat(cache.loadClass("java.util.concurrent.ConcurrentSkipListMap")).isSameAs(java.util.concurrent.ConcurrentSkipListMap.class);
        assertThat(cache.getResource("org/kie/api/runtime/KieSession.class")).isNotNull();
        assertThat(cache.getResource("java/util/concurrent/ConcurrentSkipListSet.class")).isNotNull();
        assertThatThrownBy(() -> cache.loadClass("cn.yanxiu.rules.P3E.String")).isInstanceOf(ClassNotFoundException.class);
        assertThat(cache.getResource("cn/yanxiu/rules/vocabulary/Override.class")).isNull();
    }

    @Test
    void aResourceReadsAsTheApplicationReadsIt() throws Exception {
        String name = Teacher.class.getName().replace('.', '/') + ".class";
        try (InputStream cached = cache.getResourceAsStream(name); InputStream direct = Teacher.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(cached).isNotNull();
            assertThat(cached.readAllBytes()).isEqualTo(direct.readAllBytes());
        }
    }
}
