import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { openApiDocument } from "@/lib/server/api/openapi";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "API reference" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string };
}
interface Op {
  operationId: string;
  summary: string;
  description: string;
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

/** The OpenAPI document (/api/v1/openapi.json) as a page: rendered on the server, nothing fetched from elsewhere. */
export default async function ApiReferencePage() {
  await requireMemberPage("apiTokens.manage");
  const doc = openApiDocument() as unknown as {
    info: { description: string };
    paths: Record<string, Record<string, Op>>;
  };
  return (
    <>
      <PageHeader title="API reference" description={doc.info.description}>
        <Link href="/settings/api-tokens" className={buttonClass("ghost")}>
          Back to API tokens
        </Link>
      </PageHeader>
      <p className="mb-4 text-sm">
        The machine-readable document: <TextLink href="/api/v1/openapi.json">/api/v1/openapi.json</TextLink> (OpenAPI
        3.1).
      </p>
      <div className="space-y-6">
        {Object.entries(doc.paths).flatMap(([path, ops]) =>
          Object.entries(ops).map(([method, op]) => (
            <section key={op.operationId} aria-labelledby={`op-${op.operationId}`} className={card}>
              <h2 id={`op-${op.operationId}`} className="font-mono text-base font-semibold">
                {method.toUpperCase()} /api/v1{path}
              </h2>
              <p className="mt-1">{op.summary}</p>
              <p className="text-sm text-slate-600 dark:text-slate-400">{op.description.replaceAll("`", "")}</p>
              {op.parameters && op.parameters.length > 0 && (
                <table className="mt-3 w-full text-left text-sm">
                  <caption className="sr-only">Parameters of {op.operationId}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Parameter</th>
                      <th scope="col">In</th>
                      <th scope="col">Type</th>
                      <th scope="col">Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`}>
                        <td className="font-mono">
                          {p.name}
                          {p.required ? " (required)" : ""}
                        </td>
                        <td>{p.in}</td>
                        <td>{p.schema?.type ?? "string"}</td>
                        <td>{p.description ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {op.requestBody && (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium">Request body (JSON Schema)</summary>
                  <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-950">
                    {JSON.stringify(op.requestBody.content["application/json"]?.schema, null, 2)}
                  </pre>
                </details>
              )}
              <h3 className="mt-3 text-sm font-medium">Responses</h3>
              <ul className="text-sm">
                {Object.entries(op.responses).map(([status, r]) => (
                  <li key={status}>
                    <span className="font-mono">{status}</span> {r.description}
                    {status.startsWith("2") && r.content?.["application/json"] && (
                      <details>
                        <summary className="cursor-pointer">Body (JSON Schema)</summary>
                        <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-950">
                          {JSON.stringify(r.content["application/json"].schema, null, 2)}
                        </pre>
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )),
        )}
      </div>
    </>
  );
}
