-- CreateEnum
CREATE TYPE "RitualKind" AS ENUM ('PORTFOLIO_STANDUP', 'LEADERSHIP_CHECK_IN', 'TEAM_CHECK_IN', 'FEEDBACK_REVIEW', 'RETROSPECTIVE', 'CUSTOMER_CLINIC');

-- CreateEnum
CREATE TYPE "RitualCadence" AS ENUM ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY', 'AD_HOC');

-- CreateEnum
CREATE TYPE "AgendaSection" AS ENUM ('CARRIED_ACTIONS', 'CUSTOMER_STORY', 'ADOPTION_CHANGES', 'TOP_BARRIERS', 'METRICS_OFF_TRACK', 'OPEN_ACTIONS', 'RECOGNITIONS', 'FEEDBACK', 'PAIN_POINTS', 'PROMPT', 'CUSTOM');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('DRAFT', 'DECIDED');

-- CreateEnum
CREATE TYPE "FeedbackSource" AS ENUM ('SUPPORT_TICKET', 'INTERVIEW', 'SURVEY', 'REVIEW', 'SALES_CALL', 'OTHER');

-- CreateEnum
CREATE TYPE "Sentiment" AS ENUM ('POSITIVE', 'NEGATIVE', 'MIXED');

-- CreateTable
CREATE TABLE "Ritual" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "RitualKind" NOT NULL,
    "title" TEXT NOT NULL,
    "teamId" TEXT,
    "cadence" "RitualCadence" NOT NULL,
    "weekday" INTEGER,
    "weekOfMonth" INTEGER,
    "startTime" TEXT,
    "startsOn" DATE NOT NULL,
    "facilitatorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Ritual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RitualParticipant" (
    "organizationId" TEXT NOT NULL,
    "ritualId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,

    CONSTRAINT "RitualParticipant_pkey" PRIMARY KEY ("ritualId","membershipId")
);

-- CreateTable
CREATE TABLE "RitualOccurrence" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "ritualId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "periodStart" DATE NOT NULL,
    "heldAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RitualOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "occurrenceId" TEXT NOT NULL,
    "section" "AgendaSection" NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "prompt" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "storyId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT NOT NULL,
    "dueOn" DATE,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "dropReason" TEXT NOT NULL DEFAULT '',
    "closedAt" TIMESTAMP(3),
    "occurrenceId" TEXT,
    "teamId" TEXT,
    "behaviourId" TEXT,
    "barrierId" TEXT,
    "interventionId" TEXT,
    "metricId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnchorQuestion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "AnchorQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "status" "DecisionStatus" NOT NULL DEFAULT 'DRAFT',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "occurrenceId" TEXT,
    "teamId" TEXT,
    "behaviourId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionAnswer" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "DecisionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerFeedback" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "source" "FeedbackSource" NOT NULL,
    "receivedOn" DATE NOT NULL,
    "customer" TEXT NOT NULL DEFAULT '',
    "sentiment" "Sentiment" NOT NULL,
    "isStory" BOOLEAN NOT NULL DEFAULT false,
    "importKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackBehaviour" (
    "organizationId" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,

    CONSTRAINT "FeedbackBehaviour_pkey" PRIMARY KEY ("feedbackId","behaviourId")
);

-- CreateTable
CREATE TABLE "FeedbackBarrier" (
    "organizationId" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "barrierId" TEXT NOT NULL,

    CONSTRAINT "FeedbackBarrier_pkey" PRIMARY KEY ("feedbackId","barrierId")
);

-- CreateTable
CREATE TABLE "FeedbackMetric" (
    "organizationId" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,

    CONSTRAINT "FeedbackMetric_pkey" PRIMARY KEY ("feedbackId","metricId")
);

-- CreateTable
CREATE TABLE "FeedbackTeam" (
    "organizationId" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "FeedbackTeam_pkey" PRIMARY KEY ("feedbackId","teamId")
);

-- CreateTable
CREATE TABLE "Recognition" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "giverId" TEXT NOT NULL,
    "recipientMembershipId" TEXT,
    "recipientTeamId" TEXT,
    "behaviourId" TEXT NOT NULL,
    "act" TEXT NOT NULL,
    "customerEffect" TEXT NOT NULL,
    "observationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recognition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Ritual_teamId_idx" ON "Ritual"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Ritual_organizationId_title_key" ON "Ritual"("organizationId", "title");

-- CreateIndex
CREATE INDEX "RitualParticipant_membershipId_idx" ON "RitualParticipant"("membershipId");

-- CreateIndex
CREATE INDEX "RitualOccurrence_organizationId_date_idx" ON "RitualOccurrence"("organizationId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "RitualOccurrence_ritualId_date_key" ON "RitualOccurrence"("ritualId", "date");

-- CreateIndex
CREATE INDEX "AgendaItem_occurrenceId_position_idx" ON "AgendaItem"("occurrenceId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_storyId_idx" ON "AgendaItem"("storyId");

-- CreateIndex
CREATE INDEX "ActionItem_organizationId_status_dueOn_idx" ON "ActionItem"("organizationId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_status_idx" ON "ActionItem"("ownerId", "status");

-- CreateIndex
CREATE INDEX "ActionItem_occurrenceId_idx" ON "ActionItem"("occurrenceId");

-- CreateIndex
CREATE INDEX "ActionItem_barrierId_idx" ON "ActionItem"("barrierId");

-- CreateIndex
CREATE INDEX "AnchorQuestion_organizationId_position_idx" ON "AnchorQuestion"("organizationId", "position");

-- CreateIndex
CREATE INDEX "Decision_organizationId_createdAt_idx" ON "Decision"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_occurrenceId_idx" ON "Decision"("occurrenceId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionAnswer_decisionId_position_key" ON "DecisionAnswer"("decisionId", "position");

-- CreateIndex
CREATE INDEX "CustomerFeedback_organizationId_receivedOn_idx" ON "CustomerFeedback"("organizationId", "receivedOn");

-- CreateIndex
CREATE INDEX "CustomerFeedback_organizationId_sentiment_receivedOn_idx" ON "CustomerFeedback"("organizationId", "sentiment", "receivedOn");

-- CreateIndex
CREATE INDEX "CustomerFeedback_organizationId_importKey_idx" ON "CustomerFeedback"("organizationId", "importKey");

-- CreateIndex
CREATE INDEX "FeedbackBehaviour_behaviourId_idx" ON "FeedbackBehaviour"("behaviourId");

-- CreateIndex
CREATE INDEX "FeedbackBarrier_barrierId_idx" ON "FeedbackBarrier"("barrierId");

-- CreateIndex
CREATE INDEX "FeedbackMetric_metricId_idx" ON "FeedbackMetric"("metricId");

-- CreateIndex
CREATE INDEX "FeedbackTeam_teamId_idx" ON "FeedbackTeam"("teamId");

-- CreateIndex
CREATE INDEX "Recognition_organizationId_createdAt_idx" ON "Recognition"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Recognition_recipientMembershipId_idx" ON "Recognition"("recipientMembershipId");

-- CreateIndex
CREATE INDEX "Recognition_recipientTeamId_idx" ON "Recognition"("recipientTeamId");

-- CreateIndex
CREATE INDEX "Recognition_behaviourId_idx" ON "Recognition"("behaviourId");

-- AddForeignKey
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualParticipant" ADD CONSTRAINT "RitualParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualParticipant" ADD CONSTRAINT "RitualParticipant_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualParticipant" ADD CONSTRAINT "RitualParticipant_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualOccurrence" ADD CONSTRAINT "RitualOccurrence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualOccurrence" ADD CONSTRAINT "RitualOccurrence_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "RitualOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "CustomerFeedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "RitualOccurrence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_barrierId_fkey" FOREIGN KEY ("barrierId") REFERENCES "Barrier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_interventionId_fkey" FOREIGN KEY ("interventionId") REFERENCES "Intervention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnchorQuestion" ADD CONSTRAINT "AnchorQuestion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "RitualOccurrence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionAnswer" ADD CONSTRAINT "DecisionAnswer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionAnswer" ADD CONSTRAINT "DecisionAnswer_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackBehaviour" ADD CONSTRAINT "FeedbackBehaviour_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackBehaviour" ADD CONSTRAINT "FeedbackBehaviour_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "CustomerFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackBehaviour" ADD CONSTRAINT "FeedbackBehaviour_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackBarrier" ADD CONSTRAINT "FeedbackBarrier_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackBarrier" ADD CONSTRAINT "FeedbackBarrier_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "CustomerFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackBarrier" ADD CONSTRAINT "FeedbackBarrier_barrierId_fkey" FOREIGN KEY ("barrierId") REFERENCES "Barrier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackMetric" ADD CONSTRAINT "FeedbackMetric_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackMetric" ADD CONSTRAINT "FeedbackMetric_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "CustomerFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackMetric" ADD CONSTRAINT "FeedbackMetric_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackTeam" ADD CONSTRAINT "FeedbackTeam_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackTeam" ADD CONSTRAINT "FeedbackTeam_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "CustomerFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackTeam" ADD CONSTRAINT "FeedbackTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_recipientMembershipId_fkey" FOREIGN KEY ("recipientMembershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_recipientTeamId_fkey" FOREIGN KEY ("recipientTeamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "Observation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The standup's free-text customer stories become feedback items marked as stories (issue 16). What
-- the customer felt was never recorded, so they are kept as MIXED; the source is unknown (OTHER).
INSERT INTO "CustomerFeedback" ("id", "organizationId", "quote", "source", "receivedOn", "customer", "sentiment", "isStory", "version", "createdById", "createdAt", "updatedAt")
SELECT "id", "organizationId", "story", 'OTHER', "meetingDate", '', 'MIXED', true, 1, "authorId", "createdAt", "createdAt"
FROM "CustomerStory";

-- DropTable
DROP TABLE "CustomerStory";
