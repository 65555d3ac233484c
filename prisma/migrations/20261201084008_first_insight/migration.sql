-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "firstInsightAt" TIMESTAMP(3);

