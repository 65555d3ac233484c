"use client";
import { Button } from "@/components/ui/button";

/** The behaviour card prints on one page (see the print: styles on the behaviour page). */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print card
    </Button>
  );
}
