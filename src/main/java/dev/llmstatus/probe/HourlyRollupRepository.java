package dev.llmstatus.probe;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface HourlyRollupRepository extends JpaRepository<HourlyRollupEntity, Long> {

    @Query("select r from HourlyRollupEntity r where r.hour >= ?1 order by r.hour, r.provider, r.component")
    List<HourlyRollupEntity> findHoursSince(Instant since);

    @Query("select max(r.hour) from HourlyRollupEntity r")
    Instant latestHour();

    @Modifying
    @Query("delete from HourlyRollupEntity r where r.hour >= ?1")
    int deleteHoursSince(Instant since);

}
