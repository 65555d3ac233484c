-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'LEADER', 'MANAGER', 'MEMBER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "TeamKind" AS ENUM ('VALUE_STREAM', 'TEAM');

-- CreateEnum
CREATE TYPE "BehaviourStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "ObservationSource" AS ENUM ('LOG', 'BATCH', 'IMPORT');

-- CreateEnum
CREATE TYPE "ComBComponent" AS ENUM ('PHYSICAL_CAPABILITY', 'PSYCHOLOGICAL_CAPABILITY', 'PHYSICAL_OPPORTUNITY', 'SOCIAL_OPPORTUNITY', 'REFLECTIVE_MOTIVATION', 'AUTOMATIC_MOTIVATION');

-- CreateEnum
CREATE TYPE "Determinant" AS ENUM ('SELF_EFFICACY', 'SOCIAL_NORMS', 'POSITIVE_CONSEQUENCES', 'NEGATIVE_CONSEQUENCES', 'ACCESS', 'CUES_FOR_ACTION', 'SUSCEPTIBILITY', 'SEVERITY', 'ACTION_EFFICACY', 'DIVINE_WILL', 'POLICY', 'CULTURE');

-- CreateEnum
CREATE TYPE "Feasibility" AS ENUM ('ENABLED', 'DIFFICULT', 'IMPOSSIBLE');

-- CreateEnum
CREATE TYPE "BarrierStatus" AS ENUM ('IDENTIFIED', 'INTERVENTION_PLANNED', 'IN_PROGRESS', 'REMOVED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "InterventionFunction" AS ENUM ('EDUCATION', 'PERSUASION', 'INCENTIVISATION', 'COERCION', 'TRAINING', 'RESTRICTION', 'ENVIRONMENTAL_RESTRUCTURING', 'MODELLING', 'ENABLEMENT');

-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('CUSTOMER_OUTCOME', 'INTERNAL_PROCESS');

-- CreateEnum
CREATE TYPE "MetricTiming" AS ENUM ('LEADING', 'LAGGING');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('UP', 'DOWN');

-- CreateEnum
CREATE TYPE "TargetType" AS ENUM ('AT_LEAST', 'AT_MOST', 'INCREASE_TO', 'DECREASE_TO');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "email" TEXT,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedUserId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TeamKind" NOT NULL DEFAULT 'TEAM',
    "parentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "organizationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","membershipId")
);

-- CreateTable
CREATE TABLE "Value" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Behaviour" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "completionCriterion" TEXT NOT NULL,
    "customerOutcome" TEXT NOT NULL,
    "example" TEXT NOT NULL DEFAULT '',
    "anchors" TEXT[],
    "ownerId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" "BehaviourStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "parentId" TEXT,
    "teamId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Behaviour_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BehaviourVersion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "editedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BehaviourVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VideoTest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,
    "behaviourVersion" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "answers" JSONB NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VideoTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "observerId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "performed" INTEGER NOT NULL,
    "missed" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "source" "ObservationSource" NOT NULL DEFAULT 'LOG',
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Barrier" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "comB" "ComBComponent" NOT NULL,
    "determinant" "Determinant" NOT NULL,
    "feasibility" "Feasibility" NOT NULL DEFAULT 'DIFFICULT',
    "impact" INTEGER NOT NULL,
    "reach" INTEGER NOT NULL,
    "ease" INTEGER NOT NULL,
    "status" "BarrierStatus" NOT NULL DEFAULT 'IDENTIFIED',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Barrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BarrierBehaviour" (
    "organizationId" TEXT NOT NULL,
    "barrierId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,

    CONSTRAINT "BarrierBehaviour_pkey" PRIMARY KEY ("barrierId","behaviourId")
);

-- CreateTable
CREATE TABLE "BarrierTeam" (
    "organizationId" TEXT NOT NULL,
    "barrierId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "BarrierTeam_pkey" PRIMARY KEY ("barrierId","teamId")
);

-- CreateTable
CREATE TABLE "Intervention" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "barrierId" TEXT NOT NULL,
    "function" "InterventionFunction" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "apease" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Intervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterventionTeam" (
    "organizationId" TEXT NOT NULL,
    "interventionId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "InterventionTeam_pkey" PRIMARY KEY ("interventionId","teamId")
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" "MetricKind" NOT NULL,
    "timing" "MetricTiming" NOT NULL,
    "direction" "Direction" NOT NULL,
    "ownerId" TEXT,
    "targetType" "TargetType",
    "targetValue" DOUBLE PRECISION,
    "targetDate" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BehaviourMetric" (
    "organizationId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,

    CONSTRAINT "BehaviourMetric_pkey" PRIMARY KEY ("behaviourId","metricId")
);

-- CreateTable
CREATE TABLE "MetricReading" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "teamId" TEXT,
    "date" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "outcome" TEXT NOT NULL,
    "ip" TEXT,
    "details" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_organizationId_userId_key" ON "Membership"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_idx" ON "Invitation"("organizationId");

-- CreateIndex
CREATE INDEX "Team_parentId_idx" ON "Team"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organizationId_name_key" ON "Team"("organizationId", "name");

-- CreateIndex
CREATE INDEX "TeamMember_membershipId_idx" ON "TeamMember"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Value_organizationId_name_key" ON "Value"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Behaviour_organizationId_status_idx" ON "Behaviour"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Behaviour_valueId_idx" ON "Behaviour"("valueId");

-- CreateIndex
CREATE INDEX "Behaviour_parentId_idx" ON "Behaviour"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Behaviour_organizationId_title_key" ON "Behaviour"("organizationId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "BehaviourVersion_behaviourId_version_key" ON "BehaviourVersion"("behaviourId", "version");

-- CreateIndex
CREATE INDEX "VideoTest_behaviourId_idx" ON "VideoTest"("behaviourId");

-- CreateIndex
CREATE INDEX "Observation_organizationId_behaviourId_occurredAt_idx" ON "Observation"("organizationId", "behaviourId", "occurredAt");

-- CreateIndex
CREATE INDEX "Observation_organizationId_teamId_occurredAt_idx" ON "Observation"("organizationId", "teamId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_organizationId_idempotencyKey_key" ON "Observation"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Barrier_organizationId_status_idx" ON "Barrier"("organizationId", "status");

-- CreateIndex
CREATE INDEX "BarrierBehaviour_behaviourId_idx" ON "BarrierBehaviour"("behaviourId");

-- CreateIndex
CREATE INDEX "BarrierTeam_teamId_idx" ON "BarrierTeam"("teamId");

-- CreateIndex
CREATE INDEX "Intervention_barrierId_idx" ON "Intervention"("barrierId");

-- CreateIndex
CREATE INDEX "InterventionTeam_teamId_idx" ON "InterventionTeam"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Metric_organizationId_name_key" ON "Metric"("organizationId", "name");

-- CreateIndex
CREATE INDEX "BehaviourMetric_metricId_idx" ON "BehaviourMetric"("metricId");

-- CreateIndex
CREATE INDEX "MetricReading_metricId_date_idx" ON "MetricReading"("metricId", "date");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_at_idx" ON "AuditEvent"("organizationId", "at");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Value" ADD CONSTRAINT "Value_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Behaviour" ADD CONSTRAINT "Behaviour_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Behaviour" ADD CONSTRAINT "Behaviour_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Behaviour" ADD CONSTRAINT "Behaviour_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Behaviour" ADD CONSTRAINT "Behaviour_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Behaviour" ADD CONSTRAINT "Behaviour_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Behaviour" ADD CONSTRAINT "Behaviour_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourVersion" ADD CONSTRAINT "BehaviourVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourVersion" ADD CONSTRAINT "BehaviourVersion_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourVersion" ADD CONSTRAINT "BehaviourVersion_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTest" ADD CONSTRAINT "VideoTest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTest" ADD CONSTRAINT "VideoTest_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTest" ADD CONSTRAINT "VideoTest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Barrier" ADD CONSTRAINT "Barrier_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Barrier" ADD CONSTRAINT "Barrier_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BarrierBehaviour" ADD CONSTRAINT "BarrierBehaviour_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BarrierBehaviour" ADD CONSTRAINT "BarrierBehaviour_barrierId_fkey" FOREIGN KEY ("barrierId") REFERENCES "Barrier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BarrierBehaviour" ADD CONSTRAINT "BarrierBehaviour_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BarrierTeam" ADD CONSTRAINT "BarrierTeam_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BarrierTeam" ADD CONSTRAINT "BarrierTeam_barrierId_fkey" FOREIGN KEY ("barrierId") REFERENCES "Barrier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BarrierTeam" ADD CONSTRAINT "BarrierTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_barrierId_fkey" FOREIGN KEY ("barrierId") REFERENCES "Barrier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterventionTeam" ADD CONSTRAINT "InterventionTeam_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterventionTeam" ADD CONSTRAINT "InterventionTeam_interventionId_fkey" FOREIGN KEY ("interventionId") REFERENCES "Intervention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterventionTeam" ADD CONSTRAINT "InterventionTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourMetric" ADD CONSTRAINT "BehaviourMetric_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourMetric" ADD CONSTRAINT "BehaviourMetric_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourMetric" ADD CONSTRAINT "BehaviourMetric_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricReading" ADD CONSTRAINT "MetricReading_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricReading" ADD CONSTRAINT "MetricReading_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricReading" ADD CONSTRAINT "MetricReading_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

