import { servePage } from "@/lib/public/page-cache";

// Reached only through proxy.ts's rewrite of a reader's page load (a direct request is refused
// there): the public page from the page cache (lib/public/page-cache.ts).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ path?: string[] }> }): Promise<Response> {
  const { path = [] } = await params;
  return servePage(request, `/${path.join("/")}`);
}
