// The npm registry reachable here serves only Linux builds of platform-specific packages, so
// `npm install` leaves the other platforms' optional packages (e.g. @next/swc-darwin-arm64) out
// of package-lock.json, and `npm ci` then refuses the lock file as out of sync. This adds the
// missing optional entries, with os/cpu read from the package name, as a normal lock file has
// them; npm skips them on other platforms. Run after changing dependencies: npm run lock:platforms
import { readFileSync, writeFileSync } from "node:fs";

const file = "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
const OS = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "s390x", "ppc64", "riscv64", "loong64", "mips64el", "wasm32"];

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ""}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split("/").pop().split("-");
    const entry = { version: range.replace(/^[\^~=]/, ""), dev: pkg.dev, optional: true };
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (!entry.dev) delete entry.dev;
    lock.packages[`node_modules/${name}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`lock-platforms: added ${added} optional platform entries`);
