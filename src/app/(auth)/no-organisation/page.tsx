import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata = { title: "No organisation" };

export default function NoOrganisationPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">You are not in an organisation</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Your access was removed, or you have not joined one yet. Ask an admin for an invitation link.
      </p>
      <SignOutButton />
    </>
  );
}
