import { TextLink } from "@/components/ui/text-link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        This page does not exist, or you do not have access to it.
      </p>
      <TextLink href="/" className="mt-6 inline-block text-sm font-medium">
        Go to Conduct
      </TextLink>
    </main>
  );
}
