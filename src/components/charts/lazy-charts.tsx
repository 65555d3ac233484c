"use client";
import dynamic from "next/dynamic";

// recharts loads only on the pages that draw a chart, after the page itself.
export const WeeklyLine = dynamic(() => import("./line-chart"), {
  ssr: false,
  loading: () => <div className="h-64" />,
});

export const StackedBars = dynamic(() => import("./bar-chart"), {
  ssr: false,
  loading: () => <div className="h-56" />,
});
