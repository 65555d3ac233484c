-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "auditRetentionDays" INTEGER NOT NULL DEFAULT 400,
ADD COLUMN     "noteRetentionDays" INTEGER NOT NULL DEFAULT 365,
ADD COLUMN     "observerRetentionDays" INTEGER NOT NULL DEFAULT 180;
