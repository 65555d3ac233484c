-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "minGroupSize" INTEGER NOT NULL DEFAULT 5;

