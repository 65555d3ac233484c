"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/domain/roles";
import { NavigationProgress } from "./navigation-progress";

type Overflow = { start: boolean; end: boolean };

/**
 * The main menu. On a phone it is wider than the screen and scrolls sideways, which nothing would
 * tell: so the side with more links fades out under a chevron, and the current page's link is
 * scrolled into the middle (by setting scrollLeft, not scrollIntoView, which could scroll the page).
 * The navigation progress bar is mounted here because every signed-in page has this menu.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const list = useRef<HTMLUListElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ start: false, end: false });

  const measure = useCallback(() => {
    const el = list.current;
    if (!el) return;
    // 1 px of slack: scrollLeft is fractional on zoomed screens.
    const next = { start: el.scrollLeft > 1, end: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 };
    setOverflow((o) => (o.start === next.start && o.end === next.end ? o : next));
  }, []);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  useEffect(() => {
    const el = list.current;
    const current = el?.querySelector<HTMLElement>('[aria-current="page"]');
    if (el && current) el.scrollLeft = current.offsetLeft - (el.clientWidth - current.offsetWidth) / 2;
    measure();
  }, [pathname, measure]);

  const fade = "pointer-events-none absolute inset-y-0 flex w-10 items-center text-slate-500 dark:text-slate-400";
  return (
    <>
      <NavigationProgress />
      <div className="relative" data-overflow-start={overflow.start} data-overflow-end={overflow.end}>
        <ul ref={list} onScroll={measure} className="flex gap-1 overflow-x-auto [scrollbar-width:thin]">
          {items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
                    active
                      ? "bg-brand-100 text-brand-700 dark:bg-brand-700/40 dark:text-brand-100"
                      : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                  }`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
        {overflow.start && (
          <span
            aria-hidden
            data-testid="nav-more-start"
            className={`${fade} left-0 justify-start bg-gradient-to-r from-white dark:from-slate-900`}
          >
            ‹
          </span>
        )}
        {overflow.end && (
          <span
            aria-hidden
            data-testid="nav-more-end"
            className={`${fade} right-0 justify-end bg-gradient-to-l from-white dark:from-slate-900`}
          >
            ›
          </span>
        )}
      </div>
    </>
  );
}
