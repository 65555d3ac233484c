"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

/**
 * For forms whose server action creates an account: remembers the typed password (in memory
 * only) when the form is submitted, and signs in with it once the action reports success.
 */
export function useSignInAfter(state: { ok: true; data: { email: string } } | { ok: false } | null, next: string) {
  const router = useRouter();
  const password = useRef("");
  useEffect(() => {
    if (!state?.ok) return;
    const pw = password.current;
    password.current = "";
    void signIn("credentials", { email: state.data.email, password: pw, redirect: false }).then(() => {
      router.replace(next);
      router.refresh();
    });
  }, [state, next, router]);
  return (form: FormData) => {
    password.current = String(form.get("password") ?? "");
  };
}
