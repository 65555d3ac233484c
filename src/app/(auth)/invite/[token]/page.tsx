import { JoinAsNewUserForm, JoinAsSignedInUserForm } from "@/components/auth/invite-forms";
import { getSessionUser } from "@/lib/server/auth";
import { previewInvitation } from "@/lib/server/data/members";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([token.length <= 200 ? previewInvitation(token) : null, getSessionUser()]);
  if (!invite) {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">This invitation cannot be used</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          It was already used, revoked or has expired. Ask your admin for a new link.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Join {invite.organizationName}</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        You are invited as {ROLE_LABELS[invite.role].toLowerCase()}.
      </p>
      {user ? (
        <>
          <p className="mb-4 text-sm">Signed in as {user.email}.</p>
          <JoinAsSignedInUserForm token={token} organizationName={invite.organizationName} />
        </>
      ) : (
        <>
          <JoinAsNewUserForm token={token} email={invite.email} name={invite.name} />
          <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
            Already have an account?{" "}
            <TextLink href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium">
              Sign in to join
            </TextLink>
          </p>
        </>
      )}
    </>
  );
}
