package cn.yanxiu.evaluation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The publication history of the terms. */
public interface RunPublicationRecords extends JpaRepository<RunPublicationRecord, Long> {

    /** The term's latest publication: its official run. */
    Optional<RunPublicationRecord> findFirstByTermIdOrderByIdDesc(String termId);

    List<RunPublicationRecord> findByTermIdOrderById(String termId);
}
