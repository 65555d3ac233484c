import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/server/auth";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Create an organisation" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/settings");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your organisation</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        You become its admin and can invite your colleagues.
      </p>
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <TextLink href="/sign-in" className="font-medium">
          Sign in
        </TextLink>
      </p>
    </>
  );
}
