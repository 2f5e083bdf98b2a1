package dev.llmstatus.status;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderTrackRepository extends JpaRepository<ProviderTrack, String> {

}
