import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "@/components/ui/button";

// The server's HTML is what a person can click before the page's JavaScript has run: a form's
// onSubmit is not attached yet, so an enabled submit button would send the form natively, as a GET
// with every field (a password too) in the address.
describe("Button before hydration", () => {
  it("is disabled in the server's HTML, whatever it is for", () => {
    for (const type of ["submit", "button", undefined] as const) {
      const html = renderToString(createElement(Button, { type }, "Sign in"));
      expect(html).toMatch(/<button[^>]* disabled=""/);
    }
  });

  it("keeps its own label and class", () => {
    const html = renderToString(createElement(Button, { type: "submit", variant: "danger" }, "Delete"));
    expect(html).toContain(">Delete</button>");
    expect(html).toContain("text-red-700");
  });
});
