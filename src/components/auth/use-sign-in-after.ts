"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useFormAction } from "@/components/ui/use-form-action";

type AccountResult = { ok: true; data: { email: string } } | { ok: false };

/**
 * useFormAction for forms whose server action creates an account: remembers the typed password
 * (in memory only) when the form is submitted, and signs in with it once the action reports success.
 */
export function useFormActionThenSignIn<S extends AccountResult>(
  action: (prev: S | null, form: FormData) => Promise<S>,
  next: string,
) {
  const router = useRouter();
  const password = useRef("");
  const [state, onSubmit, pending, feedback] = useFormAction(action, (form) => {
    password.current = String(form.get("password") ?? "");
  });
  useEffect(() => {
    if (!state?.ok) return;
    const pw = password.current;
    password.current = "";
    void signIn("credentials", { email: state.data.email, password: pw, redirect: false }).then(() => {
      router.replace(next);
      router.refresh();
    });
  }, [state, next, router]);
  return [state, onSubmit, pending, feedback] as const;
}
