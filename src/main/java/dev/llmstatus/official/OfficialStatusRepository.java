package dev.llmstatus.official;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfficialStatusRepository extends JpaRepository<OfficialStatusEntity, String> {

}
