package cn.yanxiu.rules;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The undo history of the stored rule files, newest last. */
public interface RuleFileRevisions extends JpaRepository<RuleFileRevision, Long> {

    /** The content a file had before its latest saved change. */
    Optional<RuleFileRevision> findFirstByRulesFolderAndFileNameOrderByIdDesc(String rulesFolder, String fileName);

    long countByRulesFolderAndFileName(String rulesFolder, String fileName);
}
