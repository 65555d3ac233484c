-- CreateIndex
CREATE INDEX "Observation_organizationId_occurredAt_id_idx" ON "Observation"("organizationId", "occurredAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_ip_at_idx" ON "AuditEvent"("action", "ip", "at");

