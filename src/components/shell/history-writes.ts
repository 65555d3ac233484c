// Next's router writes the browser history (pushState or replaceState) when it commits a page, so a
// write is the one signal that a navigation has ended, even one that came back to the same URL.
// The history methods are wrapped once per page load, whatever mounts and unmounts, and stay
// transparent: every call goes through unchanged.
type Listener = () => void;
const listeners = new Set<Listener>();
let installed = false;

function install() {
  if (installed || typeof window === "undefined") return;
  installed = true;
  for (const method of ["pushState", "replaceState"] as const) {
    const original = window.history[method].bind(window.history);
    window.history[method] = (...args: Parameters<History["pushState"]>) => {
      original(...args);
      for (const l of [...listeners]) l();
    };
  }
}

export function onHistoryWrite(listener: Listener): () => void {
  install();
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
