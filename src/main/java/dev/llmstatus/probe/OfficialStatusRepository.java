package dev.llmstatus.probe;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfficialStatusRepository extends JpaRepository<OfficialStatusEntity, String> {

}
