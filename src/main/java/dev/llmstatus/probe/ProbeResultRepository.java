package dev.llmstatus.probe;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProbeResultRepository extends JpaRepository<ProbeResultEntity, Long> {

    @Query("select r from ProbeResultEntity r where r.startedAt >= ?1 order by r.startedAt, r.id")
    List<ProbeResultEntity> findStartedSince(Instant since);

    /** Counts the results started since the instant: all of them, and those that failed at the network level. */
    @Query("select count(r), coalesce(sum(case when r.errorClass in ?2 then 1 else 0 end), 0) "
            + "from ProbeResultEntity r where r.startedAt >= ?1")
    List<Object[]> countSince(Instant since, List<ErrorClass> network);

}
