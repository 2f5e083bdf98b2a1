package dev.llmstatus.status;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ComponentTrackRepository extends JpaRepository<ComponentTrack, String> {

    List<ComponentTrack> findByProvider(String provider);

}
