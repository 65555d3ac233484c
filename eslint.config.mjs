// ESLint 9 flat config: Next.js (core web vitals, React hooks), typescript-eslint's type-aware rules
// for promises and exhaustiveness, and the project's architecture as import boundaries.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import tseslint from "typescript-eslint";

const PRISMA = ["@/generated/prisma", "@/generated/prisma/*", "@prisma/*", "**/generated/prisma/**"];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "src/generated/**",
      "data/**",
      "tmp/**",
      "reports/**",
      "test-results/**",
      "playwright-report/**",
      "bench/.data/**",
      "bench/.reports/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  // Markup reaches the page only through React, which escapes text: no raw HTML anywhere.
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "react/no-danger": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
          message: "No raw HTML: render with React.",
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: "No raw HTML: render with React.",
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: "No raw HTML: render with React.",
        },
      ],
    },
  },
  // Browser code runs in insecure contexts too (a phone on http://<LAN address>:3000), where
  // crypto.randomUUID is undefined: randomKey() in src/lib/domain/random.ts works everywhere.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/lib/server/**", "src/instrumentation.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "crypto",
          property: "randomUUID",
          message: "Undefined over plain HTTP on a LAN address: use randomKey() from @/lib/domain/random.",
        },
      ],
    },
  },
  // The database and the generated Prisma client belong to the server's data layer only.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/lib/server/**", "src/instrumentation.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/server/db", message: "Only src/lib/server talks to the database." }],
          patterns: [{ group: PRISMA, message: "Prisma types stay in src/lib/server; pass DTOs instead." }],
        },
      ],
    },
  },
  // Domain rules are plain TypeScript: no framework, no database, no server modules.
  {
    files: ["src/lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", ...PRISMA],
              message: "src/lib/domain is plain TypeScript: no Next.js, React or Prisma.",
            },
            { group: ["@/lib/server", "@/lib/server/*", "server-only"], message: "Domain code cannot use the server." },
          ],
        },
      ],
    },
  },
  prettier,
);
