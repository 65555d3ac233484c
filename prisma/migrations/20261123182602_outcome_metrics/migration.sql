-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sourceBehaviourId" TEXT,
ALTER COLUMN "targetDate" SET DATA TYPE DATE;

-- CreateTable
CREATE TABLE "MetricTeam" (
    "organizationId" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "MetricTeam_pkey" PRIMARY KEY ("metricId","teamId")
);

-- CreateTable
CREATE TABLE "CustomerStory" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "meetingDate" DATE NOT NULL,
    "story" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerStory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricTeam_teamId_idx" ON "MetricTeam"("teamId");

-- CreateIndex
CREATE INDEX "CustomerStory_organizationId_meetingDate_idx" ON "CustomerStory"("organizationId", "meetingDate");

-- CreateIndex
CREATE INDEX "MetricReading_organizationId_date_idx" ON "MetricReading"("organizationId", "date");

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_sourceBehaviourId_fkey" FOREIGN KEY ("sourceBehaviourId") REFERENCES "Behaviour"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricTeam" ADD CONSTRAINT "MetricTeam_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricTeam" ADD CONSTRAINT "MetricTeam_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricTeam" ADD CONSTRAINT "MetricTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerStory" ADD CONSTRAINT "CustomerStory_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerStory" ADD CONSTRAINT "CustomerStory_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

