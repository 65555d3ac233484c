-- AlterEnum
ALTER TYPE "MembershipStatus" ADD VALUE 'INVITED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastOrganizationId" TEXT,
ADD COLUMN     "placeholder" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "membershipId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_membershipId_key" ON "Invitation"("membershipId");

