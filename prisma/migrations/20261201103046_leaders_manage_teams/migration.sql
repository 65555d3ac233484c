-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "leadersManageTeams" BOOLEAN NOT NULL DEFAULT false;

