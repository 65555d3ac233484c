"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { BarrierInput, BarrierStatusInput, BarrierUpdateInput, InterventionInput } from "@/lib/schemas/barriers";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { formAction } from "@/lib/server/action";
import { changeBarrierStatus, createBarrier, updateBarrier } from "@/lib/server/data/barriers";
import { createIntervention } from "@/lib/server/data/interventions";

const withLists = (form: FormData) => formObjectWithLists(form, ["behaviourIds", "teamIds"]);

export const createBarrierAction = formAction({
  schema: BarrierInput,
  permission: "barriers.propose",
  read: withLists,
  run: (ctx, input) => createBarrier(ctx, input),
  after: (id) => {
    revalidatePath("/barriers");
    redirect(`/barriers/${id}`);
  },
});

export const updateBarrierAction = formAction({
  schema: BarrierUpdateInput,
  permission: "barriers.manage",
  read: withLists,
  run: (ctx, { id, version, ...input }) => updateBarrier(ctx, id, version, input),
  after: (_, { id }) => {
    revalidatePath("/barriers", "layout");
    redirect(`/barriers/${id}`);
  },
});

export const changeBarrierStatusAction = formAction({
  schema: BarrierStatusInput,
  permission: "barriers.manage",
  run: (ctx, { id, status }) => changeBarrierStatus(ctx, id, status),
  after: () => revalidatePath("/barriers", "layout"),
});

export const createInterventionAction = formAction({
  schema: InterventionInput,
  permission: "barriers.manage",
  read: (form) => formObjectWithLists(form, ["teamIds", "techniques"]),
  run: (ctx, input) => createIntervention(ctx, input),
  after: (id) => {
    revalidatePath("/barriers", "layout");
    redirect(`/interventions/${id}`);
  },
});
