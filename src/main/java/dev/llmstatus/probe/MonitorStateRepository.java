package dev.llmstatus.probe;

import org.springframework.data.jpa.repository.JpaRepository;

interface MonitorStateRepository extends JpaRepository<MonitorStateEntity, Integer> {

}
