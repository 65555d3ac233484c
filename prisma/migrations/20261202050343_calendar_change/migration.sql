-- CreateTable
CREATE TABLE "CalendarChange" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "weekStartsOn" INTEGER NOT NULL,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarChange_organizationId_key" ON "CalendarChange"("organizationId");

-- CreateIndex
CREATE INDEX "CalendarChange_requestedById_idx" ON "CalendarChange"("requestedById");

-- AddForeignKey
ALTER TABLE "CalendarChange" ADD CONSTRAINT "CalendarChange_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarChange" ADD CONSTRAINT "CalendarChange_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

