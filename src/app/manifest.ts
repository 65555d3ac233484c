import type { MetadataRoute } from "next";

// The web app manifest (issue 20): Conduct installs on a phone and opens on the Log pad, which works offline
// (public/sw.js, src/components/log/keep-offline.tsx).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Conduct",
    short_name: "Conduct",
    description: "Log customer-centric behaviours in seconds, and see what stops them.",
    start_url: "/log",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
