package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    /** Incidents still open, or that started or ended after {@code since}, with their timelines. */
    @EntityGraph(attributePaths = "updates")
    @Query("select distinct i from Incident i where i.resolvedAt is null or i.resolvedAt >= :since "
            + "or i.startedAt >= :since order by i.startedAt desc")
    List<Incident> findRecent(@Param("since") Instant since);

    List<Incident> findByResolvedAtIsNull();

    /** One provider's incidents that started in {@code [from, to)}, newest first, with their timelines. */
    @EntityGraph(attributePaths = "updates")
    @Query("select distinct i from Incident i where i.provider = :provider and i.startedAt >= :from "
            + "and i.startedAt < :to order by i.startedAt desc")
    List<Incident> findStarted(@Param("provider") String provider, @Param("from") Instant from,
            @Param("to") Instant to);

    /** When one provider's first recorded incident started, or {@code null}. */
    @Query("select min(i.startedAt) from Incident i where i.provider = :provider")
    Instant firstStarted(@Param("provider") String provider);

}
