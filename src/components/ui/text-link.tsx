import Link from "next/link";
import type { ComponentProps } from "react";

/** The look of a link in running text; for an `<a>` (a download) that cannot be a Next.js Link. */
export const linkClass = "text-brand-700 underline dark:text-brand-300";

/** A link in running text or a table cell; extra classes (size, weight, spacing) are added to the look. */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={className ? `${linkClass} ${className}` : linkClass} />;
}
