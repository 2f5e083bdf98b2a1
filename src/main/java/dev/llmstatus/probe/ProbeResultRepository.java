package dev.llmstatus.probe;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProbeResultRepository extends JpaRepository<ProbeResultEntity, Long> {

    @Query("select r from ProbeResultEntity r where r.startedAt >= ?1 order by r.startedAt, r.id")
    List<ProbeResultEntity> findStartedSince(Instant since);

    /**
     * Per provider, counts the results started since the instant: all of them, and those that got no answer at all
     * (a network-level failure, or a timeout before any status line).
     */
    @Query("select r.provider, count(r), coalesce(sum(case when r.errorClass in ?2 "
            + "or (r.errorClass = ?3 and r.httpStatus is null) then 1 else 0 end), 0) "
            + "from ProbeResultEntity r where r.startedAt >= ?1 group by r.provider")
    List<Object[]> countUnansweredSince(Instant since, List<ErrorClass> network, ErrorClass timeout);

}
