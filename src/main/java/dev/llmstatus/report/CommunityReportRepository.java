package dev.llmstatus.report;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommunityReportRepository extends JpaRepository<CommunityReport, Long> {

}
