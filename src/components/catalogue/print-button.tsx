"use client";
import { Button } from "@/components/ui/button";

/** The page prints on one sheet (see the print: styles of the behaviour card and the agenda). */
export function PrintButton({ label = "Print card" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
