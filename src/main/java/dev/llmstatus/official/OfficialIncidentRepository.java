package dev.llmstatus.official;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OfficialIncidentRepository extends JpaRepository<OfficialIncidentEntity, Long> {

    List<OfficialIncidentEntity> findByProvider(String provider);

    /** Unresolved incidents and those created since the instant, newest first. */
    @Query("select i from OfficialIncidentEntity i where i.resolvedAt is null or i.createdAt >= ?1 "
            + "order by i.createdAt desc")
    List<OfficialIncidentEntity> findCurrent(Instant since);

    @Query("select i from OfficialIncidentEntity i where i.provider = ?1 and i.createdAt >= ?2 and i.createdAt < ?3 "
            + "order by i.createdAt desc")
    List<OfficialIncidentEntity> findStarted(String provider, Instant from, Instant to);

    @Query("select min(i.createdAt) from OfficialIncidentEntity i where i.provider = ?1")
    Instant firstStarted(String provider);

    @Modifying
    @Query("delete from OfficialIncidentEntity i where i.createdAt < ?1 and i.resolvedAt is not null")
    int deleteResolvedBefore(Instant before);

}
