package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.rules.TeacherEvaluation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compressed result format: what is written reads back as the same text, and damage is reported, never misread. */
class ResultDocumentsTests {

    private final ResultDocuments.Documents sample = new ResultDocuments.Documents(
            "[{\"policy\":\"H1\",\"rule\":\"H1-个人研修学时\",\"status\":\"达标\",\"message\":\"学时 42，要求每学期 40 学时\"}]",
            "[{\"name\":\"最终得分\",\"value\":88.5}]", "[{\"what\":\"证书\",\"eligible\":true}]",
            "{\"veto\":null,\"deciding\":[\"G3-分数段定级\"],\"fired\":[{\"rule\":\"H1-个人研修学时\",\"policy\":\"H1\",\"facts\":[\"教师 T1 张三\"]}]}");

    private final ResultDocuments.Documents other = new ResultDocuments.Documents(
            "[{\"policy\":\"H1\",\"rule\":\"H1-个人研修学时\",\"status\":\"未达标\",\"message\":\"学时 12，要求每学期 40 学时\"}]",
            "[]", "[]", "{\"veto\":\"师德\\n问题\",\"deciding\":[],\"fired\":[]}");

    @Test
    void whatIsWrittenReadsBackAsTheSameText() {
        byte[] dictionary = ResultDocuments.dictionaryFrom(sample);
        byte[] packed = ResultDocuments.pack(other.joined(), dictionary);
        assertThat(ResultDocuments.unpack(packed, dictionary)).isEqualTo(other);
        assertThat(packed.length).isLessThan(other.joined().length);
    }

    @Test
    void theBatchWritesTheSameBytesAsTheTextItReadsBack() {
        TeacherEvaluation evaluation = TeacherEvaluation.failed("规则“H1”出错：\n第二行\t制表", List.of(
                new TeacherEvaluation.FiredRule("H1-个人研修学时", "H1", List.of("教师 T1 张三（\"引号\"、反斜杠 \\、𠀀）", "")),
                new TeacherEvaluation.FiredRule("G3-等级-优秀", "G3", List.of())));
        byte[] written = ResultRows.joinedDocuments(evaluation);
        assertThat(written).isEqualTo(ResultRows.documents(evaluation).joined());
        byte[] dictionary = ResultDocuments.dictionaryFrom(sample);
        assertThat(ResultDocuments.unpack(ResultDocuments.pack(written, dictionary), dictionary)).isEqualTo(ResultRows.documents(evaluation));
    }

    @Test
    void aDamagedOrForeignValueIsReportedNotMisread() {
        byte[] dictionary = ResultDocuments.dictionaryFrom(sample);
        byte[] packed = ResultDocuments.pack(other.joined(), dictionary);
        assertThatThrownBy(() -> ResultDocuments.unpack(packed, null)).hasMessageContaining("字典");
        assertThatThrownBy(() -> ResultDocuments.unpack(Arrays.copyOf(packed, packed.length / 2), dictionary)).hasMessageContaining("损坏");
        byte[] foreign = packed.clone();
        foreign[0] = 9;
        assertThatThrownBy(() -> ResultDocuments.unpack(foreign, dictionary)).hasMessageContaining("无法识别");
        byte[] flipped = packed.clone();
        flipped[packed.length / 2] ^= 0x5a;
        assertThatThrownBy(() -> ResultDocuments.unpack(flipped, dictionary)).isInstanceOf(IllegalStateException.class);
    }
}
