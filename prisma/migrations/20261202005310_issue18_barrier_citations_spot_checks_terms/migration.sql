-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "observationTarget" INTEGER;

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "barrierId" TEXT,
ADD COLUMN     "barrierNote" TEXT;

-- CreateTable
CREATE TABLE "VideoTestTerm" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VideoTestTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheck" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "observerId" TEXT NOT NULL,
    "requestedById" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "SpotCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VideoTestTerm_organizationId_term_key" ON "VideoTestTerm"("organizationId", "term");

-- CreateIndex
CREATE INDEX "SpotCheck_organizationId_teamId_startsOn_idx" ON "SpotCheck"("organizationId", "teamId", "startsOn");

-- CreateIndex
CREATE INDEX "SpotCheck_observerId_endsOn_idx" ON "SpotCheck"("observerId", "endsOn");

-- CreateIndex
CREATE INDEX "Observation_organizationId_barrierId_occurredAt_idx" ON "Observation"("organizationId", "barrierId", "occurredAt");

-- AddForeignKey
ALTER TABLE "VideoTestTerm" ADD CONSTRAINT "VideoTestTerm_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTestTerm" ADD CONSTRAINT "VideoTestTerm_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_barrierId_fkey" FOREIGN KEY ("barrierId") REFERENCES "Barrier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheck" ADD CONSTRAINT "SpotCheck_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheck" ADD CONSTRAINT "SpotCheck_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheck" ADD CONSTRAINT "SpotCheck_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheck" ADD CONSTRAINT "SpotCheck_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheck" ADD CONSTRAINT "SpotCheck_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;
