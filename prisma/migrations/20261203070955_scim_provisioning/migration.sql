-- CreateEnum
CREATE TYPE "ApiTokenKind" AS ENUM ('API', 'SCIM');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "scimDeletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "kind" "ApiTokenKind" NOT NULL DEFAULT 'API';

-- CreateIndex
CREATE UNIQUE INDEX "Membership_organizationId_externalId_key" ON "Membership"("organizationId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organizationId_externalId_key" ON "Team"("organizationId", "externalId");

