"use client";
import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type Variant } from "./button-class";
import { useHydrated } from "./use-hydrated";

/**
 * The app's button. It stays disabled until the page is hydrated: every button's work (a form's
 * onSubmit, an onClick) needs the page's JavaScript, and a disabled default button also stops the
 * implicit submission that pressing Enter in a field would make.
 */
export function Button({
  variant = "primary",
  className = "",
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const hydrated = useHydrated();
  return <button className={buttonClass(variant, className)} disabled={disabled || !hydrated} {...props} />;
}
